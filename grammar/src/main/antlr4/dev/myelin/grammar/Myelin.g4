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
    | synapsesDecl
    | poissonGroup
    | spikeGenerator
    | timedArray
    | dataSet
    | readoutDecl
    | poissonInput
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
    | EVENT name STRING                           # eventItem
    | ON_EVENT name STRING                        # onEventItem
    | RUN_REGULARLY STRING (DT_KW expr)? (WHEN name)?   # runRegularlyItem
    ;

initValue : STRING | expr ;

/** {@code synapses S(inp -> neurons[0:10]) { ... }}: a Brian2 Synapses object between two groups (or slices). */
synapsesDecl : SYNAPSES name '(' groupRef ARROW groupRef ')' '{' synapseItem* '}' ;

synapseItem
    : EQUATIONS STRING                            # synEquationsItem
    | ON_PRE pathwayName=name? (EVENT event=name)? STRING    # onPreItem
    | ON_POST pathwayName=name? (EVENT event=name)? STRING   # onPostItem
    | DELAY (name '=')? (STRING | expr)           # delayItem
    | CONNECT ('(' connectArgs? ')' | connectArgs)?   # connectItem
    | METHOD name                                 # synMethodItem
    | INIT name '=' initValue                     # synInitItem
    ;

connectArgs : connectArg (',' connectArg)* ;

/** Brian2's keyword arguments of connect(): a condition, p=, j=, i=, n=, skip_if_invalid=. */
/** The condition comes in quotes; the other arguments by name (so a following 'connect' is never taken for one). */
connectArg : name '=' (STRING | expr) | STRING ;

/** {@code poisson P[100] rates 15 Hz} or {@code rates '5*Hz + i*Hz'}: Brian2's PoissonGroup. */
poissonGroup : POISSON name '[' expr ']' RATES initValue ;

/**
 * Brian2's PoissonInput: {@code poissoninput drive into G.ge N 1000 rate 15 Hz weight 0.1}: every
 * step, each neuron's variable grows by weight times a binomial(N, rate*dt) draw.
 */
poissonInput : POISSONINPUT name INTO varRef poissonInputArg poissonInputArg poissonInputArg ;

/** N, rate or weight, in any order (plain identifiers, so the next line's keyword is never taken for one). */
poissonInputArg : ID (STRING | expr) ;

/** A SpikeGeneratorGroup: spikes from a CSV/NPY file or inline index and time lists; optionally periodic. */
spikeGenerator : SPIKEGENERATOR name '[' expr ']' spikeSource (PERIOD expr)? ;

spikeSource
    : FROM STRING (',' STRING)?                   # spikesFromFile
    | INDICES expr TIMES expr                     # spikesInline
    ;

/** {@code timedarray stim = [0, 1, 3] * nA dt 25 ms}, or values from an NPY file: {@code = 'stim.npy' * nA}. */
/** {@code dataset mnist = idx('images.gz', 'labels.gz')}, {@code npy('x.npy'[, 'y.npy'])} or {@code csv('table.csv')}. */
dataSet : DATASET name '=' name '(' STRING (',' STRING)? ')' ;

/** {@code readout digits of exc_spikes classes 10}: Diehl & Cook's readout over a spike monitor's neurons. */
readoutDecl : READOUT name OF name CLASSES expr ;

timedArray : TIMEDARRAY name '=' (STRING ('*' expr)? | expr) DT_KW expr ;

monitorDecl
    : SPIKEMONITOR name OF groupRef                                    # spikeMonitor
    | STATEMONITOR name OF varRef (',' varRef)* monitorOption*         # stateMonitor
    | RATEMONITOR name OF groupRef                                     # rateMonitor
    | EVENTMONITOR name OF groupRef EVENT name                         # eventMonitor
    ;

/** G, G[3], G[0:10] */
groupRef : name ('[' expr (':' expr)? ']')? ;

varRef : name '.' name ;

monitorOption
    : RECORD (ALL | '[' expr (',' expr)* ']' | expr ':' expr)     # recordOption
    | DT_KW expr                                                  # monitorDtOption
    | WHEN name                                                   # monitorWhenOption
    | TO name                                                     # monitorToOption
    ;

protocolStmt
    : RUN expr                                    # runStmt
    | name '.' name '=' initValue                 # assignStmt
    | SAVE name '=' expr (',' expr)*              # saveStmt
    | name '=' expr                               # letStmt
    | FOR name IN name '(' expr (',' expr)? ')' block   # forStmt
    | FOR name IN name ('[' from=expr? ':' to=expr? ']')? block   # forSamplesStmt
    | WHILE expr block                            # whileStmt
    | REPEAT block UNTIL expr                     # repeatStmt
    | ifStmt                                      # ifStatement
    | PRINT printArg (',' printArg)*              # printStmt
    | NORMALIZE name '.' name PER name TO expr    # normalizeStmt
    | IMAGE name '=' name '.' name PER name SHAPE '(' expr ',' expr ')'   # imageStmt
    | (OBSERVE | PREDICT) name LABEL expr         # observeStmt
    | REPORT name                                 # reportStmt
    | STORE TO STRING                             # storeFileStmt
    | RESTORE FROM STRING                         # restoreFileStmt
    | STORE ({sameLine()}? name)?                 # storeStmt
    | RESTORE ({sameLine()}? name)?               # restoreStmt
    ;

/** The body of a loop or branch: protocol statements between braces. */
block : '{' protocolStmt* '}' ;

ifStmt : IF expr block (ELSE (block | ifStmt))? ;

printArg : STRING | expr ;

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

/** The j= of connect: an expression, or Brian2's generator syntax 'k for k in range(i-3, i+4) if k != i'. */
targetsOnly : NEWLINE* (generator | expr) NEWLINE* EOF ;

generator : expr FOR name IN name '(' generatorArg (',' generatorArg)* ')' (IF expr)? ;

generatorArg : (name '=')? expr ;

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
    | name '.' name                               # dottedRef
    | name                                        # nameRef
    | '(' expr ')'                                # parens
    | '[' expr (',' expr)* ']'                    # listLiteral
    ;

/** Soft keywords: file-level words stay usable as names in Brian2 code. */
name
    : ID | DT_KW | SEED_KW | CONST | PARAM | NEURONS | EQUATIONS | THRESHOLD | RESET | REFRACTORY
    | METHOD | INIT | SPIKEMONITOR | STATEMONITOR | RATEMONITOR | OF | RECORD | ALL | RUN
    | SYNAPSES | ON_PRE | ON_POST | DELAY | CONNECT | POISSON | RATES | SPIKEGENERATOR | FROM | INDICES | TIMES
    | PERIOD | TIMEDARRAY | SAVE | WHEN | POISSONINPUT | INTO | EVENT | ON_EVENT | RUN_REGULARLY | EVENTMONITOR
    | WHILE | REPEAT | UNTIL | ELSE | PRINT | STORE | RESTORE | DATASET | NORMALIZE | PER | TO
    | READOUT | CLASSES | OBSERVE | PREDICT | LABEL | REPORT | IMAGE | SHAPE
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
SYNAPSES     : 'synapses' ;
ON_PRE       : 'on_pre' ;
ON_POST      : 'on_post' ;
DELAY        : 'delay' ;
CONNECT      : 'connect' ;
POISSON      : 'poisson' ;
RATES        : 'rates' ;
SPIKEGENERATOR : 'spikegenerator' ;
FROM         : 'from' ;
INDICES      : 'indices' ;
TIMES        : 'times' ;
PERIOD       : 'period' ;
TIMEDARRAY   : 'timedarray' ;
SAVE         : 'save' ;
WHEN         : 'when' ;
POISSONINPUT : 'poissoninput' ;
INTO         : 'into' ;
EVENT        : 'event' ;
ON_EVENT     : 'on_event' ;
RUN_REGULARLY : 'run_regularly' ;
EVENTMONITOR : 'eventmonitor' ;
DATASET      : 'dataset' ;
NORMALIZE    : 'normalize' ;
READOUT      : 'readout' ;
CLASSES      : 'classes' ;
OBSERVE      : 'observe' ;
PREDICT      : 'predict' ;
LABEL        : 'label' ;
REPORT       : 'report' ;
IMAGE        : 'image' ;
SHAPE        : 'shape' ;
PER          : 'per' ;
TO           : 'to' ;
WHILE        : 'while' ;
REPEAT       : 'repeat' ;
UNTIL        : 'until' ;
ELSE         : 'else' ;
PRINT        : 'print' ;
STORE        : 'store' ;
RESTORE      : 'restore' ;
FOR          : 'for' ;
IN           : 'in' ;
IF           : 'if' ;
ARROW        : '->' ;
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
