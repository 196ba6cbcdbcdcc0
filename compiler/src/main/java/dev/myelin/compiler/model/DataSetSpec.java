package dev.myelin.compiler.model;

import java.util.List;

/**
 * A data set the protocol loops over ({@code dataset mnist = idx('images.gz', 'labels.gz')}):
 * its format and files (relative to the model file), read when the model starts.
 */
public record DataSetSpec(String name, Format format, List<String> files) {

    public DataSetSpec {
        files = List.copyOf(files);
    }

    /** idx: images and labels (MNIST, Fashion-MNIST); npy: features and optional labels; csv: one table with a 'label' column. */
    public enum Format { IDX, NPY, CSV }
}
