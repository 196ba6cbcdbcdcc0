package dev.myelin.compiler.codegen;

import dev.myelin.compiler.expr.Expr;
import dev.myelin.compiler.expr.Op;
import dev.myelin.compiler.expr.ValueType;
import dev.myelin.compiler.expr.VarKind;

/**
 * Prints IR expressions as Java source. Every operator is parenthesised, so Java's precedence never
 * differs from the tree's; Python semantics come from {@code MathFunctions} where Java's differ.
 * Random calls draw from the counter-based generator keyed by (seed, group stream, i, step, site).
 */
final class JavaExpressions {

    private static final String MATH = "dev.myelin.runtime.MathFunctions";
    private static final String RNG = "dev.myelin.runtime.random.CounterRng";

    private final int stream;
    /** The loop index of the code being printed: {@code i} per neuron, {@code _syn} per synapse. */
    private final String index;

    /** {@code stream} identifies the group whose per-neuron code is being printed. */
    JavaExpressions(int stream) {
        this(stream, "i");
    }

    /** For per-synapse code ({@code index} "_syn") or other loops with their own index name. */
    JavaExpressions(int stream, String index) {
        this.stream = stream;
        this.index = index;
    }

    int stream() {
        return stream;
    }

    /** In the expression's own type: boolean for conditions, numeric otherwise. */
    String print(Expr e) {
        if (e instanceof Expr.Num n) return literal(n);
        if (e instanceof Expr.Bool b) return b.value() ? "true" : "false";
        if (e instanceof Expr.Var v) return variable(v);
        if (e instanceof Expr.Unary u) return u.op() == Op.NOT ? "(!" + bool(u.operand()) + ")" : "(-" + number(u.operand()) + ")";
        if (e instanceof Expr.Binary b) return binary(b);
        return call((Expr.Call) e);
    }

    /** As a number: booleans become 0 or 1, as in Python arithmetic. */
    String number(Expr e) {
        return e.type() == ValueType.BOOL ? "(" + print(e) + " ? 1 : 0)" : print(e);
    }

    /** As a condition: numbers are true when non-zero. */
    String bool(Expr e) {
        return e.type() == ValueType.BOOL ? print(e) : "(" + print(e) + " != 0)";
    }

    /** The value converted for storing into a variable of {@code type}. */
    String forStore(Expr e, ValueType type) {
        return switch (type) {
            case BOOL -> "(" + bool(e) + " ? 1.0 : 0.0)"; // arrays of flags hold doubles (JavaGenerator.javaType)
            case INT -> e.type() == ValueType.INT ? "(int) " + print(e) : "(int) (" + number(e) + ")";
            case DOUBLE -> number(e);
        };
    }

    /** A Java string literal of {@code text} (JSON's escapes are Java's). */
    static String stringLiteral(String text) {
        return dev.myelin.runtime.io.Json.quote(text);
    }

    static String literal(Expr.Num n) {
        double v = n.value();
        if (Double.isNaN(v)) return "Double.NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        String text;
        if (n.type() == ValueType.INT && v == Math.rint(v)) {
            long l = (long) v;
            text = (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) ? Long.toString(l) : l + "L";
        } else {
            text = Double.toString(v);
        }
        return v < 0 || (v == 0 && 1 / v < 0) ? "(" + text + ")" : text;
    }

    private String variable(Expr.Var v) {
        boolean flagArray = v.type() == ValueType.BOOL && (v.kind() == VarKind.ARRAY || v.kind() == VarKind.PRE || v.kind() == VarKind.POST);
        return flagArray ? "(" + target(v) + " != 0.0)" : target(v);
    }

    /** A variable as the target of an assignment: a flag array's element is its stored double. */
    String target(Expr.Var v) {
        return switch (v.kind()) {
            case ARRAY -> JavaNames.array(v.owner(), v.name()) + "[" + index + "]";
            case PRE -> JavaNames.array(v.owner(), v.name()) + "[_pre]";
            case POST -> JavaNames.array(v.owner(), v.name()) + "[_post]";
            case PRE_INDEX -> "_pre";
            case POST_INDEX -> "_post";
            case SHARED -> JavaNames.array(v.owner(), v.name());
            case PARAM -> JavaNames.param(v.name());
            case INDEX -> index;
            case SIZE -> JavaNames.size(v.owner());
            case TIME -> "t";
            case DT -> "dt";
            case LOCAL -> v.name();
            case PROTOCOL -> JavaNames.protocolVariable(v.name());
            case SAMPLE -> JavaNames.sample(v.name()) + "[" + index + "]";
            case MONITOR_TOTAL -> "((long) " + JavaNames.recorder(v.name()) + ".count())";
            // The stochastic integrators replace every noise term by a draw.
            case NOISE -> throw new IllegalStateException("noise term " + v.name() + " reached code generation");
        };
    }

    private String binary(Expr.Binary b) {
        Op op = b.op();
        if (op == Op.AND || op == Op.OR) return "(" + bool(b.left()) + (op == Op.AND ? " && " : " || ") + bool(b.right()) + ")";
        String l = number(b.left());
        String r = number(b.right());
        boolean ints = isInt(b.left()) && isInt(b.right());
        return switch (op) {
            case ADD, SUB, MUL -> "(" + l + " " + op.symbol + " " + r + ")";
            case DIV -> ints ? "((double) " + l + " / " + r + ")" : "(" + l + " / " + r + ")";
            case FLOOR_DIV -> ints ? MATH + ".floorDiv((long) " + l + ", (long) " + r + ")" : MATH + ".floorDiv((double) " + l + ", (double) " + r + ")";
            case MOD -> ints ? MATH + ".mod((long) " + l + ", (long) " + r + ")" : MATH + ".mod((double) " + l + ", (double) " + r + ")";
            case POW -> power(b, l, r, ints);
            case LT, LE, GT, GE, EQ, NE -> "(" + l + " " + op.symbol + " " + r + ")";
            default -> throw new IllegalStateException("not a binary operator: " + op);
        };
    }

    private static boolean isInt(Expr e) {
        return e.type() == ValueType.INT || e.type() == ValueType.BOOL;
    }

    private String power(Expr.Binary b, String l, String r, boolean ints) {
        if (b.right() instanceof Expr.Num n && !ints) {
            // As numpy does for these exponents; x*x is also what Math.pow(x, 2) returns, without the call.
            if (n.value() == 2 && isSimple(b.left())) return "(" + l + " * " + l + ")";
            if (n.value() == 0.5) return "Math.sqrt(" + l + ")";
            if (n.value() == 1) return l;
        }
        String pow = "Math.pow(" + l + ", " + r + ")";
        return ints && b.type() == ValueType.INT ? "((long) " + pow + ")" : pow;
    }

    /** Cheap and side-effect free to print twice. */
    private static boolean isSimple(Expr e) {
        return e instanceof Expr.Var || e instanceof Expr.Num;
    }

    private String call(Expr.Call c) {
        String a = c.args().isEmpty() ? "" : number(c.args().get(0));
        return switch (c.fn()) {
            case EXP -> "Math.exp(" + a + ")";
            case LOG -> "Math.log(" + a + ")";
            case LOG10 -> "Math.log10(" + a + ")";
            case SQRT -> "Math.sqrt(" + a + ")";
            case SIN -> "Math.sin(" + a + ")";
            case COS -> "Math.cos(" + a + ")";
            case TAN -> "Math.tan(" + a + ")";
            case SINH -> "Math.sinh(" + a + ")";
            case COSH -> "Math.cosh(" + a + ")";
            case TANH -> "Math.tanh(" + a + ")";
            case ARCSIN -> "Math.asin(" + a + ")";
            case ARCCOS -> "Math.acos(" + a + ")";
            case ARCTAN -> "Math.atan(" + a + ")";
            case ABS -> "Math.abs(" + a + ")";
            case SIGN -> MATH + ".sign((double) " + a + ")";
            case FLOOR -> "Math.floor(" + a + ")";
            case CEIL -> "Math.ceil(" + a + ")";
            case CLIP -> MATH + ".clip((double) " + a + ", (double) " + number(c.args().get(1)) + ", (double) " + number(c.args().get(2)) + ")";
            case INT -> "((long) (" + a + "))";
            case EXPREL -> MATH + ".exprel(" + a + ")";
            case EXPM1 -> "Math.expm1(" + a + ")";
            case LOG1P -> "Math.log1p(" + a + ")";
            case RAND -> RNG + ".uniform(seed, " + stream + ", " + index + ", step, " + c.site() + ")";
            case RANDN -> RNG + ".normal(seed, " + stream + ", " + index + ", step, " + c.site() + ")";
            case TABLE -> JavaNames.table(c.site()) + ".at(" + a + (c.args().size() > 1 ? ", " + number(c.args().get(1)) : "") + ")";
            case DECAY -> "this." + JavaNames.decay(c.site()) + ".of(" + a + ", " + number(c.args().get(1)) + ")";
            case DECAY_SINCE -> "this." + JavaNames.decay(c.site()) + ".since(" + a + ", t, " + number(c.args().get(1)) + ")";
            case DECAY_STEPS -> "this." + JavaNames.decay(c.site()) + ".ofSteps(" + a + ", (long) (" + number(c.args().get(1)) + "))";
        };
    }
}
