package dev.myelin.compiler.check;

import dev.myelin.compiler.expr.Expr;

import java.util.Map;

/**
 * Something whose variables inits and the protocol may assign: a neuron group or a synapses object.
 * {@code variables} are the assignable names; {@code scope} resolves the quoted values;
 * {@code size} is the element count when known at compile time (synapses: unknown, null).
 */
record Assignable(String name, String what, String element, Map<String, Symbol.Value> variables, Scope scope, Expr size) {
}
