package dev.myelin.cli;

import dev.myelin.api.Myelin;
import dev.myelin.compiler.codegen.Precision;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --precision double|float}, shared by the commands that generate code. */
final class PrecisionOption {

    @Option(names = "--precision", paramLabel = "P", converter = Converter.class,
            description = "how synaptic variables (weights, traces) are stored: double (default) or float (half the memory; arithmetic stays double)")
    Precision precision = Precision.DOUBLE;

    Myelin compiler() {
        return new Myelin(precision);
    }

    static final class Converter implements CommandLine.ITypeConverter<Precision> {
        @Override
        public Precision convert(String value) {
            try {
                return Precision.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
