/**
 * Code generation: a lowered model becomes one Java class (JavaPoet), a subclass of the runtime's
 * {@code GeneratedNetwork} with state in primitive arrays and one loop per group and schedule slot.
 * The output is plain Java that Janino accepts: no generics, no lambdas.
 */
package dev.myelin.compiler.codegen;
