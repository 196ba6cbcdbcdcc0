package dev.myelin.compiler.parse;

import dev.myelin.compiler.ast.Equation;
import dev.myelin.compiler.ast.Expression;
import dev.myelin.compiler.ast.Flag;
import dev.myelin.compiler.ast.GroupItem;
import dev.myelin.compiler.ast.Ident;
import dev.myelin.compiler.ast.Item;
import dev.myelin.compiler.ast.Statement;
import dev.myelin.compiler.diag.SourceSpan;
import dev.myelin.compiler.expr.Op;
import dev.myelin.grammar.MyelinParser;
import dev.myelin.grammar.MyelinParser.*;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the AST from one parse tree. Strings holding Brian2 code are handed to
 * {@link CodeStringParser}, which parses them and calls back into a builder with their origin.
 */
final class AstBuilder {

    private final TextOrigin origin;
    private final CodeStringParser strings;

    AstBuilder(TextOrigin origin, CodeStringParser strings) {
        this.origin = origin;
        this.strings = strings;
    }

    // ── file level ──

    List<Item> items(ModelContext model) {
        List<Item> items = new ArrayList<>();
        for (ItemContext item : model.item()) {
            Item built = item(item);
            if (built != null) items.add(built);
        }
        return items;
    }

    private Item item(ItemContext ctx) {
        if (ctx.setting() instanceof DtSettingContext dt) return new Item.DtSetting(expr(dt.expr()), span(ctx));
        if (ctx.setting() instanceof SeedSettingContext seed) return new Item.SeedSetting(expr(seed.expr()), span(ctx));
        if (ctx.constDecl() != null) return new Item.ConstDecl(ident(ctx.constDecl().name()), expr(ctx.constDecl().expr()), span(ctx));
        if (ctx.paramDecl() != null) return new Item.ParamDecl(ident(ctx.paramDecl().name()), expr(ctx.paramDecl().expr()), span(ctx));
        if (ctx.neuronGroup() != null) return neuronGroup(ctx.neuronGroup());
        if (ctx.synapsesDecl() != null) return synapses(ctx.synapsesDecl());
        if (ctx.poissonGroup() != null) {
            PoissonGroupContext p = ctx.poissonGroup();
            Expression rates = initValue(p.initValue());
            return rates == null ? null : new Item.PoissonDecl(ident(p.name()), expr(p.expr()), rates, p.initValue().STRING() != null, span(ctx));
        }
        if (ctx.spikeGenerator() != null) return spikeGenerator(ctx.spikeGenerator());
        if (ctx.timedArray() != null) return timedArray(ctx.timedArray());
        if (ctx.readoutDecl() != null) {
            ReadoutDeclContext r = ctx.readoutDecl();
            return new Item.ReadoutDecl(ident(r.name(0)), ident(r.name(1)), expr(r.expr()), span(ctx));
        }
        if (ctx.dataSet() != null) {
            DataSetContext ds = ctx.dataSet();
            List<Item.FileName> files = new ArrayList<>();
            for (var string : ds.STRING()) files.add(new Item.FileName(unquoted(string.getSymbol()), span(string.getSymbol())));
            return new Item.DataSetDecl(ident(ds.name(0)), ident(ds.name(1)), files, span(ctx));
        }
        if (ctx.poissonInput() != null) {
            PoissonInputContext pi = ctx.poissonInput();
            java.util.Map<String, Expression> args = new java.util.LinkedHashMap<>();
            java.util.Map<String, Boolean> quoted = new java.util.LinkedHashMap<>();
            for (PoissonInputArgContext a : pi.poissonInputArg()) {
                String key = a.ID().getText();
                Expression value = a.STRING() != null ? strings.expression(a.STRING().getSymbol(), key).orElse(null) : expr(a.expr());
                if (value == null) return null;
                args.put(key, value);
                quoted.put(key, a.STRING() != null);
            }
            Item.VarRef target = new Item.VarRef(ident(pi.varRef().name(0)), ident(pi.varRef().name(1)), span(pi.varRef()));
            return new Item.PoissonInputDecl(ident(pi.name()), target, args, quoted, span(ctx));
        }
        if (ctx.monitorDecl() != null) return monitor(ctx.monitorDecl());
        if (ctx.protocolStmt() != null) return protocol(ctx.protocolStmt());
        return null; // only reachable after a syntax error, which has been reported
    }

    private Item protocol(ProtocolStmtContext ctx) {
        SourceSpan span = span(ctx);
        if (ctx instanceof SaveStmtContext save) return new Item.Save(ident(save.name()), exprs(save.expr()), span);
        if (ctx instanceof RunStmtContext run) return new Item.Run(expr(run.expr()), span);
        if (ctx instanceof AssignStmtContext assign) {
            Expression value = initValue(assign.initValue());
            return value == null ? null : new Item.Assign(ident(assign.name(0)), ident(assign.name(1)), value, span);
        }
        if (ctx instanceof LetStmtContext let) return new Item.Let(ident(let.name()), expr(let.expr()), span);
        if (ctx instanceof ForStmtContext f) {
            return new Item.For(ident(f.name(0)), ident(f.name(1)), exprs(f.expr()), block(f.block()), span);
        }
        if (ctx instanceof ForSamplesStmtContext f) {
            return new Item.ForSamples(ident(f.name(0)), ident(f.name(1)), Optional.ofNullable(f.from).map(this::expr),
                    Optional.ofNullable(f.to).map(this::expr), block(f.block()), span);
        }
        if (ctx instanceof WhileStmtContext w) return new Item.While(expr(w.expr()), block(w.block()), span);
        if (ctx instanceof ObserveStmtContext o) return new Item.Observe(ident(o.name()), o.PREDICT() != null, expr(o.expr()), span);
        if (ctx instanceof ReportStmtContext r) return new Item.Report(ident(r.name()), span);
        if (ctx instanceof ImageStmtContext im) {
            return new Item.Image(ident(im.name(0)), ident(im.name(1)), ident(im.name(2)), ident(im.name(3)), expr(im.expr(0)), expr(im.expr(1)), span);
        }
        if (ctx instanceof NormalizeStmtContext n) {
            return new Item.Normalize(ident(n.name(0)), ident(n.name(1)), ident(n.name(2)), expr(n.expr()), span);
        }
        if (ctx instanceof RepeatStmtContext r) return new Item.Repeat(block(r.block()), expr(r.expr()), span);
        if (ctx instanceof IfStatementContext i) return ifStatement(i.ifStmt());
        if (ctx instanceof PrintStmtContext p) {
            List<Item.PrintArg> args = new ArrayList<>();
            for (PrintArgContext a : p.printArg()) {
                if (a.STRING() != null) {
                    String text = a.STRING().getText();
                    int quote = text.startsWith("'''") || text.startsWith("\"\"\"") ? 3 : 1;
                    args.add(new Item.PrintArg(Optional.of(text.substring(quote, text.length() - quote)), Optional.empty(), span(a)));
                } else {
                    args.add(new Item.PrintArg(Optional.empty(), Optional.of(expr(a.expr())), span(a)));
                }
            }
            return new Item.Print(args, span);
        }
        if (ctx instanceof StoreStmtContext st) return new Item.Store(Optional.ofNullable(st.name()).map(this::ident), Optional.empty(), false, span);
        if (ctx instanceof RestoreStmtContext re) return new Item.Store(Optional.ofNullable(re.name()).map(this::ident), Optional.empty(), true, span);
        if (ctx instanceof StoreFileStmtContext st) return new Item.Store(Optional.empty(), Optional.of(checkpointFile(st.STRING().getSymbol())), false, span);
        if (ctx instanceof RestoreFileStmtContext re) return new Item.Store(Optional.empty(), Optional.of(checkpointFile(re.STRING().getSymbol())), true, span);
        return null;
    }

    private Item ifStatement(IfStmtContext ctx) {
        List<Item> orElse = ctx.ifStmt() != null ? List.of(ifStatement(ctx.ifStmt()))
                : ctx.block().size() > 1 ? block(ctx.block(1)) : List.of();
        return new Item.If(expr(ctx.expr()), block(ctx.block(0)), orElse, span(ctx));
    }

    private List<Item> block(BlockContext ctx) {
        List<Item> out = new ArrayList<>();
        for (ProtocolStmtContext st : ctx.protocolStmt()) {
            Item item = protocol(st);
            if (item != null) out.add(item);
        }
        return out;
    }

    private Item neuronGroup(NeuronGroupContext ctx) {
        List<GroupItem> items = new ArrayList<>();
        for (GroupItemContext item : ctx.groupItem()) {
            GroupItem built = groupItem(item);
            if (built != null) items.add(built);
        }
        return new Item.NeuronGroupDecl(ident(ctx.name()), expr(ctx.expr()), items, span(ctx));
    }

    private Item synapses(SynapsesDeclContext ctx) {
        List<GroupItem> items = new ArrayList<>();
        for (SynapseItemContext item : ctx.synapseItem()) {
            GroupItem built = synapseItem(item);
            if (built != null) items.add(built);
        }
        return new Item.SynapsesDecl(ident(ctx.name()), groupRef(ctx.groupRef(0)), groupRef(ctx.groupRef(1)), items, span(ctx));
    }

    private GroupItem synapseItem(SynapseItemContext ctx) {
        SourceSpan span = span(ctx);
        if (ctx instanceof SynEquationsItemContext eqs) {
            return strings.equations(eqs.STRING().getSymbol()).map(list -> (GroupItem) new GroupItem.Equations(list, span)).orElse(null);
        }
        if (ctx instanceof OnPreItemContext pre) return pathway(false, pre.pathwayName, pre.event, pre.STRING().getSymbol(), span);
        if (ctx instanceof OnPostItemContext post) return pathway(true, post.pathwayName, post.event, post.STRING().getSymbol(), span);
        if (ctx instanceof DelayItemContext d) {
            Optional<Ident> pathway = Optional.ofNullable(d.name()).map(this::ident);
            if (d.STRING() != null) {
                return strings.expression(d.STRING().getSymbol(), "delay").map(e -> (GroupItem) new GroupItem.Delay(pathway, e, true, span)).orElse(null);
            }
            return new GroupItem.Delay(pathway, expr(d.expr()), false, span);
        }
        if (ctx instanceof ConnectItemContext c) {
            List<GroupItem.ConnectArg> args = new ArrayList<>();
            if (c.connectArgs() != null) {
                for (ConnectArgContext a : c.connectArgs().connectArg()) {
                    GroupItem.ConnectArg arg = connectArg(a);
                    if (arg == null) return null;
                    args.add(arg);
                }
            }
            return new GroupItem.Connect(args, span);
        }
        if (ctx instanceof SynMethodItemContext method) return new GroupItem.Method(ident(method.name()), span);
        if (ctx instanceof SynInitItemContext init) {
            Expression value = initValue(init.initValue());
            return value == null ? null : new GroupItem.Init(ident(init.name()), value, span);
        }
        return null;
    }

    private GroupItem pathway(boolean post, NameContext name, NameContext event, Token code, SourceSpan span) {
        return strings.statements(code, post ? "on_post code" : "on_pre code")
                .map(list -> (GroupItem) new GroupItem.Pathway(post, Optional.ofNullable(name).map(this::ident),
                        Optional.ofNullable(event).map(this::ident), list, span)).orElse(null);
    }

    /** A quoted argument is code, except a file name (for i and j): Brian2 code never ends in '.npy'. */
    private GroupItem.ConnectArg connectArg(ConnectArgContext ctx) {
        Optional<Ident> key = Optional.ofNullable(ctx.name()).map(this::ident);
        SourceSpan span = span(ctx);
        if (ctx.STRING() == null) return new GroupItem.ConnectArg(key, Optional.of(expr(ctx.expr())), false, Optional.empty(), Optional.empty(), span);
        // (a positional argument is always a quoted condition)
        Token string = ctx.STRING().getSymbol();
        Optional<Item.FileName> file = fileName(string);
        if (file.isPresent()) return new GroupItem.ConnectArg(key, Optional.empty(), true, Optional.empty(), file, span);
        boolean targets = key.isPresent() && key.get().text().equals("j");
        if (targets) {
            Optional<Object> parsed = strings.targets(string);
            if (parsed.isEmpty()) return null;
            if (parsed.get() instanceof GroupItem.Generator g) {
                return new GroupItem.ConnectArg(key, Optional.empty(), true, Optional.of(g), Optional.empty(), span);
            }
            return new GroupItem.ConnectArg(key, Optional.of((Expression) parsed.get()), true, Optional.empty(), Optional.empty(), span);
        }
        String what = key.map(k -> "connect's " + k.text()).orElse("connect's condition");
        return strings.expression(string, what).map(e -> new GroupItem.ConnectArg(key, Optional.of(e), true, Optional.empty(), Optional.empty(), span)).orElse(null);
    }

    /** The file named by a string token, when its text is a path ending in .npy or .csv. */
    private Optional<Item.FileName> fileName(Token string) {
        String text = unquoted(string);
        if (!text.matches("[^\\s'\"]+\\.(npy|csv|NPY|CSV)")) return Optional.empty();
        return Optional.of(new Item.FileName(text, span(string)));
    }

    /** A checkpoint file of store to / restore from: any path (Myelin writes its own format). */
    private Item.FileName checkpointFile(Token string) {
        return new Item.FileName(unquoted(string), span(string));
    }

    private static String unquoted(Token string) {
        String raw = string.getText();
        int quotes = raw.startsWith("'''") || raw.startsWith("\"\"\"") ? 3 : 1;
        return raw.substring(quotes, raw.length() - quotes);
    }

    private Item spikeGenerator(SpikeGeneratorContext ctx) {
        Item.SpikeSource source;
        if (ctx.spikeSource() instanceof SpikesFromFileContext f) {
            Item.FileName first = new Item.FileName(unquoted(f.STRING(0).getSymbol()), span(f.STRING(0).getSymbol()));
            Optional<Item.FileName> second = f.STRING().size() > 1
                    ? Optional.of(new Item.FileName(unquoted(f.STRING(1).getSymbol()), span(f.STRING(1).getSymbol()))) : Optional.empty();
            source = new Item.SpikesFromFile(first, second);
        } else {
            SpikesInlineContext in = (SpikesInlineContext) ctx.spikeSource();
            source = new Item.SpikesInline(expr(in.expr(0)), expr(in.expr(1)));
        }
        List<ExprContext> exprs = ctx.expr();
        Optional<Expression> period = exprs.size() > 1 ? Optional.of(expr(exprs.get(1))) : Optional.empty();
        return new Item.SpikeGeneratorDecl(ident(ctx.name()), expr(exprs.get(0)), source, period, span(ctx));
    }

    private Item timedArray(TimedArrayContext ctx) {
        List<ExprContext> exprs = ctx.expr();
        Expression dt = expr(exprs.get(exprs.size() - 1));
        if (ctx.STRING() != null) {
            Item.FileName file = new Item.FileName(unquoted(ctx.STRING().getSymbol()), span(ctx.STRING().getSymbol()));
            Optional<Expression> unit = exprs.size() > 1 ? Optional.of(expr(exprs.get(0))) : Optional.empty();
            return new Item.TimedArrayDecl(ident(ctx.name()), Optional.of(file), Optional.empty(), unit, dt, span(ctx));
        }
        return new Item.TimedArrayDecl(ident(ctx.name()), Optional.empty(), Optional.of(expr(exprs.get(0))), Optional.empty(), dt, span(ctx));
    }

    /** The j of connect: a generator or an expression. */
    Object targets(TargetsOnlyContext ctx) {
        if (ctx.generator() == null) return expr(ctx.expr());
        GeneratorContext g = ctx.generator();
        List<GroupItem.GeneratorArg> args = new ArrayList<>();
        for (GeneratorArgContext a : g.generatorArg()) {
            args.add(new GroupItem.GeneratorArg(Optional.ofNullable(a.name()).map(this::ident), expr(a.expr())));
        }
        Optional<Expression> condition = g.expr().size() > 1 ? Optional.of(expr(g.expr(1))) : Optional.empty();
        return new GroupItem.Generator(expr(g.expr(0)), ident(g.name(0)), ident(g.name(1)), args, condition, span(g));
    }

    private GroupItem groupItem(GroupItemContext ctx) {
        SourceSpan span = span(ctx);
        if (ctx instanceof EquationsItemContext eqs) {
            return strings.equations(eqs.STRING().getSymbol()).map(list -> (GroupItem) new GroupItem.Equations(list, span)).orElse(null);
        }
        if (ctx instanceof ThresholdItemContext th) {
            return strings.expression(th.STRING().getSymbol(), "threshold").map(e -> (GroupItem) new GroupItem.Threshold(e, span)).orElse(null);
        }
        if (ctx instanceof ResetItemContext reset) {
            return strings.statements(reset.STRING().getSymbol(), "reset").map(list -> (GroupItem) new GroupItem.Reset(list, span)).orElse(null);
        }
        if (ctx instanceof RefractoryItemContext ref) {
            if (ref.STRING() != null) {
                return strings.expression(ref.STRING().getSymbol(), "refractory").map(e -> (GroupItem) new GroupItem.Refractory(e, true, span)).orElse(null);
            }
            return new GroupItem.Refractory(expr(ref.expr()), false, span);
        }
        if (ctx instanceof MethodItemContext method) return new GroupItem.Method(ident(method.name()), span);
        if (ctx instanceof InitItemContext init) {
            Expression value = initValue(init.initValue());
            return value == null ? null : new GroupItem.Init(ident(init.name()), value, span);
        }
        if (ctx instanceof EventItemContext ev) {
            return strings.expression(ev.STRING().getSymbol(), "event condition")
                    .map(e -> (GroupItem) new GroupItem.Event(ident(ev.name()), e, span)).orElse(null);
        }
        if (ctx instanceof OnEventItemContext on) {
            return strings.statements(on.STRING().getSymbol(), "on_event code")
                    .map(list -> (GroupItem) new GroupItem.OnEvent(ident(on.name()), list, span)).orElse(null);
        }
        if (ctx instanceof RunRegularlyItemContext rr) {
            Optional<Expression> every = rr.expr() == null ? Optional.empty() : Optional.of(expr(rr.expr()));
            Optional<Ident> when = rr.name() == null ? Optional.empty() : Optional.of(ident(rr.name()));
            return strings.statements(rr.STRING().getSymbol(), "run_regularly code")
                    .map(list -> (GroupItem) new GroupItem.RunRegularly(list, every, when, span)).orElse(null);
        }
        return null;
    }

    private Expression initValue(InitValueContext ctx) {
        if (ctx == null) return null;
        if (ctx.STRING() != null) {
            Optional<Item.FileName> file = fileName(ctx.STRING().getSymbol());
            if (file.isPresent()) return new Expression.FileRef(file.get().path(), file.get().span());
            return strings.expression(ctx.STRING().getSymbol(), "value").orElse(null);
        }
        return expr(ctx.expr());
    }

    private Item monitor(MonitorDeclContext ctx) {
        SourceSpan span = span(ctx);
        if (ctx instanceof SpikeMonitorContext sm) return new Item.SpikeMonitorDecl(ident(sm.name()), groupRef(sm.groupRef()), span);
        if (ctx instanceof RateMonitorContext rm) return new Item.RateMonitorDecl(ident(rm.name()), groupRef(rm.groupRef()), span);
        if (ctx instanceof EventMonitorContext em) return new Item.EventMonitorDecl(ident(em.name(0)), groupRef(em.groupRef()), ident(em.name(1)), span);
        StateMonitorContext st = (StateMonitorContext) ctx;
        List<Item.VarRef> vars = new ArrayList<>();
        for (VarRefContext v : st.varRef()) vars.add(new Item.VarRef(ident(v.name(0)), ident(v.name(1)), span(v)));
        Item.Record record = new Item.RecordAll();
        Optional<Expression> dt = Optional.empty();
        Optional<Ident> when = Optional.empty();
        Optional<Ident> to = Optional.empty();
        for (MonitorOptionContext option : st.monitorOption()) {
            if (option instanceof MonitorDtOptionContext d) dt = Optional.of(expr(d.expr()));
            if (option instanceof MonitorToOptionContext t) to = Optional.of(ident(t.name()));
            if (option instanceof MonitorWhenOptionContext w) when = Optional.of(ident(w.name()));
            if (option instanceof RecordOptionContext r) {
                if (r.ALL() != null) record = new Item.RecordAll();
                else if (r.getChild(1).getText().equals("[")) record = new Item.RecordList(exprs(r.expr()));
                else record = new Item.RecordRange(expr(r.expr(0)), expr(r.expr(1)));
            }
        }
        return new Item.StateMonitorDecl(ident(st.name()), vars, record, dt, when, to, span);
    }

    private Item.GroupRef groupRef(GroupRefContext ctx) {
        Optional<Expression> start = ctx.expr().isEmpty() ? Optional.empty() : Optional.of(expr(ctx.expr(0)));
        Optional<Expression> stop = ctx.expr().size() < 2 ? Optional.empty() : Optional.of(expr(ctx.expr(1)));
        return new Item.GroupRef(ident(ctx.name()), start, stop, span(ctx));
    }

    // ── Brian2 code ──

    List<Equation> equations(EquationBlockContext ctx) {
        List<Equation> out = new ArrayList<>();
        for (EquationContext eq : ctx.equation()) {
            SourceSpan span = span(eq);
            if (eq instanceof DiffEquationContext d) {
                out.add(new Equation.Differential(ident(d.name(0)), ident(d.name(1)), expr(d.expr()), unitSpec(d.unitSpec()), flags(d.flags()), span));
            } else if (eq instanceof SubexpressionContext s) {
                out.add(new Equation.Subexpression(ident(s.name()), expr(s.expr()), unitSpec(s.unitSpec()), flags(s.flags()), span));
            } else if (eq instanceof ParameterContext p) {
                out.add(new Equation.Parameter(ident(p.name()), unitSpec(p.unitSpec()), flags(p.flags()), span));
            }
        }
        return out;
    }

    private List<Flag> flags(FlagsContext ctx) {
        List<Flag> flags = new ArrayList<>();
        if (ctx == null) return flags;
        for (FlagContext f : ctx.flag()) {
            // Words are rejoined with single spaces (or '-' as written): "unless   refractory" == "unless refractory".
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < f.getChildCount(); k++) {
                String part = f.getChild(k).getText();
                boolean dash = part.equals("-");
                if (k > 0 && !dash && !text.toString().endsWith("-")) text.append(' ');
                text.append(part);
            }
            flags.add(new Flag(text.toString(), span(f)));
        }
        return flags;
    }

    private Expression unitSpec(UnitSpecContext ctx) {
        Expression left = unitFactor(ctx.unitFactor(0));
        for (int k = 1; k < ctx.unitFactor().size(); k++) {
            Token opToken = ((org.antlr.v4.runtime.tree.TerminalNode) ctx.getChild(2 * k - 1)).getSymbol();
            Op op = opToken.getText().equals("*") ? Op.MUL : Op.DIV;
            Expression right = unitFactor(ctx.unitFactor(k));
            left = new Expression.Binary(op, left, right, span(opToken), left.span().to(right.span()));
        }
        return left;
    }

    private Expression unitFactor(UnitFactorContext ctx) {
        if (ctx.unitSpec() != null) return unitSpec(ctx.unitSpec());
        if (ctx.NUMBER() != null) return number(ctx.NUMBER().getSymbol(), null, span(ctx));
        Expression base = new Expression.Name(ctx.name().getText(), span(ctx.name()));
        if (ctx.signedNumber() == null) return base;
        SignedNumberContext sn = ctx.signedNumber();
        Expression exponent = number(sn.NUMBER().getSymbol(), null, span(sn));
        if (sn.getChildCount() == 2 && sn.getChild(0).getText().equals("-")) exponent = new Expression.Unary(Op.NEG, exponent, span(sn));
        return new Expression.Binary(Op.POW, base, exponent, span(sn), span(ctx));
    }

    List<Statement> statements(StatementBlockContext ctx) {
        List<Statement> out = new ArrayList<>();
        for (StatementContext st : ctx.statement()) {
            out.add(new Statement(ident(st.name()), st.op.getText(), expr(st.expr()), span(st)));
        }
        return out;
    }

    // ── expressions ──

    Expression expr(ExprContext ctx) {
        return or(ctx.orExpr());
    }

    private List<Expression> exprs(List<ExprContext> list) {
        List<Expression> out = new ArrayList<>();
        for (ExprContext e : list) out.add(expr(e));
        return out;
    }

    private Expression or(OrExprContext ctx) {
        return leftAssociative(ctx.andExpr(), this::and, k -> Op.OR, ctx);
    }

    private Expression and(AndExprContext ctx) {
        return leftAssociative(ctx.notExpr(), this::not, k -> Op.AND, ctx);
    }

    private Expression not(NotExprContext ctx) {
        if (ctx instanceof LogicalNotContext n) return new Expression.Unary(Op.NOT, not(n.notExpr()), span(ctx));
        return comparison(((ToComparisonContext) ctx).comparison());
    }

    private Expression comparison(ComparisonContext ctx) {
        Expression left = arith(ctx.arith(0));
        if (ctx.compOp() == null) return left;
        Op op = switch (ctx.compOp().getText()) {
            case "<" -> Op.LT;
            case "<=" -> Op.LE;
            case ">" -> Op.GT;
            case ">=" -> Op.GE;
            case "==" -> Op.EQ;
            default -> Op.NE;
        };
        return new Expression.Binary(op, left, arith(ctx.arith(1)), span(ctx.compOp()), span(ctx));
    }

    private Expression arith(ArithContext ctx) {
        return leftAssociative(ctx.term(), this::term, k -> ctx.addOp(k).getText().equals("+") ? Op.ADD : Op.SUB, ctx);
    }

    private Expression term(TermContext ctx) {
        return leftAssociative(ctx.unary(), this::unary, k -> switch (ctx.mulOp(k).getText()) {
            case "*" -> Op.MUL;
            case "/" -> Op.DIV;
            case "//" -> Op.FLOOR_DIV;
            default -> Op.MOD;
        }, ctx);
    }

    /** Folds {@code a op b op c} to the left, as Python does. {@code opAt(k)} is the operator before operand k+1. */
    private <C extends ParserRuleContext> Expression leftAssociative(List<C> operands, Function<C, Expression> build,
                                                                      java.util.function.IntFunction<Op> opAt, ParserRuleContext whole) {
        Expression left = build.apply(operands.get(0));
        for (int k = 1; k < operands.size(); k++) {
            Expression right = build.apply(operands.get(k));
            org.antlr.v4.runtime.tree.ParseTree opNode = whole.getChild(2 * k - 1);
            SourceSpan opSpan = opNode instanceof ParserRuleContext prc ? span(prc)
                    : origin.span(((org.antlr.v4.runtime.tree.TerminalNode) opNode).getSymbol());
            left = new Expression.Binary(opAt.apply(k - 1), left, right, opSpan, left.span().to(right.span()));
        }
        return left;
    }

    private Expression unary(UnaryContext ctx) {
        if (ctx instanceof SignedContext s) {
            Expression operand = unary(s.unary());
            return s.op.getText().equals("-") ? new Expression.Unary(Op.NEG, operand, span(ctx)) : operand;
        }
        PowerContext p = ((ToPowerContext) ctx).power();
        Expression base = primary(p.primary());
        if (p.unary() == null) return base;
        Token op = ((org.antlr.v4.runtime.tree.TerminalNode) p.getChild(1)).getSymbol();
        return new Expression.Binary(Op.POW, base, unary(p.unary()), span(op), span(p));
    }

    private Expression primary(PrimaryContext ctx) {
        SourceSpan span = span(ctx);
        if (ctx instanceof NumberContext n) return number(n.NUMBER().getSymbol(), n.name(), unitPower(n.signedNumber()), span);
        if (ctx instanceof TrueLiteralContext) return new Expression.BoolLit(true, span);
        if (ctx instanceof FalseLiteralContext) return new Expression.BoolLit(false, span);
        if (ctx instanceof CallContext c) return new Expression.Call(ident(c.name()), exprs(c.expr()), span);
        if (ctx instanceof NameRefContext n) return new Expression.Name(n.name().getText(), span);
        if (ctx instanceof DottedRefContext d) return new Expression.Dotted(ident(d.name(0)), ident(d.name(1)), span);
        if (ctx instanceof ParensContext p) return expr(p.expr());
        ListLiteralContext list = (ListLiteralContext) ctx;
        return new Expression.ListLit(exprs(list.expr()), span);
    }

    private Expression number(Token token, NameContext unit, SourceSpan span) {
        return number(token, unit, 1, span);
    }

    private Expression number(Token token, NameContext unit, int unitPower, SourceSpan span) {
        String text = token.getText();
        boolean integral = !text.contains(".") && !text.contains("e") && !text.contains("E");
        return new Expression.NumberLit(text, Double.parseDouble(text), integral, Optional.ofNullable(unit).map(this::ident), unitPower, span);
    }

    /** The power in {@code 20 um**2}; {@link Expression.NumberLit#NOT_WHOLE} when it is not a whole number. */
    private static int unitPower(SignedNumberContext power) {
        if (power == null) return 1;
        double value = Double.parseDouble(power.NUMBER().getText());
        if (value != Math.rint(value) || value > 64) return Expression.NumberLit.NOT_WHOLE;
        return (int) (power.getChild(0).getText().equals("-") ? -value : value);
    }

    // ── positions ──

    private Ident ident(NameContext ctx) {
        return new Ident(ctx.getText(), span(ctx));
    }

    private SourceSpan span(Token token) {
        return origin.span(token);
    }

    /** The span of a rule: from its first token to the end of its last, when both are on one line. */
    private SourceSpan span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop() == null ? start : ctx.getStop();
        SourceSpan first = origin.span(start);
        SourceSpan last = origin.span(stop);
        if (stop.getType() == Token.EOF || stop.getTokenIndex() < start.getTokenIndex()) return first;
        return first.to(last);
    }
}
