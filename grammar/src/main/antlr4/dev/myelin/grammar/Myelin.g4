/*
 * The grammar of Myelin model files (*.myl).
 *
 * One grammar serves two readings of text:
 *  - the model file itself, where newlines are layout (they go to the hidden channel), and
 *  - the Brian2 code inside its strings ('''equations''', 'threshold', 'reset'), where a newline
 *    ends an equation or statement. The compiler parses each string again with `codeMode` set,
 *    starting at `equationBlock`, `statementBlock` or `expressionOnly`.
 * Keywords of the file level are soft (see `name`), so Brian2 code may use them as names.
 */
grammar Myelin;

@parser::members {
    /** A unit written after a number (`5 ms`) must be on the same line as the number. */
    private boolean sameLine() {
        return _input.LT(1).getLine() == _input.LT(-1).getLine();
    }
}

@lexer::members {
    /** True while lexing the contents of a Brian2 code string: newlines are then significant. */
    public boolean codeMode = false;
}

// ───────────────────────────── file level ─────────────────────────────

model : item* EOF ;

item
    : setting
    | constDecl
    | paramDecl
    | neuronGroup
    | monitorDecl
    | protocolStmt
    ;

setting
    : DT_KW '=' expr                              # dtSetting
    | SEED_KW '='? expr                           # seedSetting
    ;

constDecl : CONST name '=' expr ;

paramDecl : PARAM name '=' expr ;

neuronGroup : NEURONS name '[' expr ']' '{' groupItem* '}' ;

groupItem
    : EQUATIONS STRING                            # equationsItem
    | THRESHOLD STRING                            # thresholdItem
    | RESET STRING                                # resetItem
    | REFRACTORY (STRING | expr)                  # refractoryItem
    | METHOD name                                 # methodItem
    | INIT name '=' initValue                     # initItem
    ;

initValue : STRING | expr ;

monitorDecl
    : SPIKEMONITOR name OF groupRef                                    # spikeMonitor
    | STATEMONITOR name OF varRef (',' varRef)* monitorOption*         # stateMonitor
    | RATEMONITOR name OF groupRef                                     # rateMonitor
    ;

/** G, G[3], G[0:10] */
groupRef : name ('[' expr (':' expr)? ']')? ;

varRef : name '.' name ;

monitorOption
    : RECORD (ALL | '[' expr (',' expr)* ']' | expr ':' expr)     # recordOption
    | DT_KW expr                                                  # monitorDtOption
    ;

protocolStmt
    : RUN expr                                    # runStmt
    | name '.' name '=' initValue                 # assignStmt
    ;

// ───────────────────────── Brian2 code strings ─────────────────────────

equationBlock : NEWLINE* (equation (NEWLINE+ equation)*)? NEWLINE* EOF ;

equation
    : name '/' name '=' expr ':' unitSpec flags?  # diffEquation
    | name '=' expr ':' unitSpec flags?           # subexpression
    | name ':' unitSpec flags?                    # parameter
    ;

unitSpec : unitFactor (('*' | '/') unitFactor)* ;

unitFactor
    : name ('**' signedNumber)?
    | NUMBER
    | '(' unitSpec ')'
    ;

signedNumber : ('-' | '+')? NUMBER ;

flags : '(' flag (',' flag)* ')' ;

/** `unless refractory`, `constant over dt`, `event-driven`, `shared`. */
flag : name ('-'? name)* ;

statementBlock : (NEWLINE | ';')* (statement ((NEWLINE | ';')+ statement)*)? (NEWLINE | ';')* EOF ;

statement : name op=('=' | '+=' | '-=' | '*=' | '/=') expr ;

expressionOnly : NEWLINE* expr NEWLINE* EOF ;

// ───────────────────────────── expressions ─────────────────────────────
// Python's precedence: or < and < not < comparison < +,- < *,/,//,% < unary -,+ < **

expr : orExpr ;

orExpr : andExpr (OR andExpr)* ;

andExpr : notExpr (AND notExpr)* ;

notExpr
    : NOT notExpr                                 # logicalNot
    | comparison                                  # toComparison
    ;

comparison : arith (compOp arith)? ;

compOp : '<' | '<=' | '>' | '>=' | '==' | '!=' ;

arith : term (addOp term)* ;

addOp : '+' | '-' ;

term : unary (mulOp unary)* ;

mulOp : '*' | '/' | '//' | '%' ;

unary
    : op=('-' | '+') unary                        # signed
    | power                                       # toPower
    ;

/**
 * Python: the exponent binds a unary minus (x**-2), the base does not (-x**2 == -(x**2)).
 * A unit written after a number takes its own power: `20 um**2` is 20 square micrometres.
 */
power : primary ('**' unary)? ;

primary
    : NUMBER ({sameLine()}? name ('**' signedNumber)?)?   # number
    | TRUE                                        # trueLiteral
    | FALSE                                       # falseLiteral
    | name '(' (expr (',' expr)*)? ')'            # call
    | name                                        # nameRef
    | '(' expr ')'                                # parens
    | '[' expr (',' expr)* ']'                    # listLiteral
    ;

/** Soft keywords: file-level words stay usable as names in Brian2 code. */
name
    : ID | DT_KW | SEED_KW | CONST | PARAM | NEURONS | EQUATIONS | THRESHOLD | RESET | REFRACTORY
    | METHOD | INIT | SPIKEMONITOR | STATEMONITOR | RATEMONITOR | OF | RECORD | ALL | RUN
    ;

// ─────────────────────────────── lexer ────────────────────────────────

DT_KW        : 'dt' ;
SEED_KW      : 'seed' ;
CONST        : 'const' ;
PARAM        : 'param' ;
NEURONS      : 'neurons' ;
EQUATIONS    : 'equations' ;
THRESHOLD    : 'threshold' ;
RESET        : 'reset' ;
REFRACTORY   : 'refractory' ;
METHOD       : 'method' ;
INIT         : 'init' ;
SPIKEMONITOR : 'spikemonitor' ;
STATEMONITOR : 'statemonitor' ;
RATEMONITOR  : 'ratemonitor' ;
OF           : 'of' ;
RECORD       : 'record' ;
ALL          : 'all' ;
RUN          : 'run' ;
AND          : 'and' ;
OR           : 'or' ;
NOT          : 'not' ;
TRUE         : 'True' | 'true' ;
FALSE        : 'False' | 'false' ;

NUMBER
    : DIGITS ('.' DIGITS?)? EXPONENT?
    | '.' DIGITS EXPONENT?
    ;

fragment DIGITS   : [0-9]+ ;
fragment EXPONENT : [eE] [+-]? DIGITS ;

ID : [a-zA-Z_] [a-zA-Z_0-9]* ;

STRING
    : '\'\'\'' .*? '\'\'\''
    | '"""' .*? '"""'
    | '\'' ~['\r\n]* '\''
    | '"' ~["\r\n]* '"'
    ;

COMMENT : '#' ~[\r\n]* -> skip ;

/** A backslash before a newline continues a line, as in Python. */
LINE_CONTINUATION : '\\' [ \t]* ('\r'? '\n') -> skip ;

NEWLINE : ('\r'? '\n')+ { if (!codeMode) setChannel(HIDDEN); } ;

WS : [ \t\f]+ -> skip ;

/** Anything else is an error token, so the parser reports it with a position. */
ERROR_CHAR : . ;
