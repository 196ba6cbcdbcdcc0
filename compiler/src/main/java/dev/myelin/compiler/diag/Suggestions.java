package dev.myelin.compiler.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?": the likely intended name for a misspelt one. */
public final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate nearest to {@code name} when it is close enough to be a likely typo, and
     * clearly the nearest (no tie with another candidate); a matching case wins a tie. Names of one
     * or two characters only match candidates that differ in case.
     */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        boolean tie = false;
        int allowed = name.length() <= 2 ? 0 : name.length() <= 4 ? 1 : name.length() <= 8 ? 2 : 3;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            if (c.equals(name)) continue;
            int ignoringCase = distance(lower, c.toLowerCase(Locale.ROOT));
            if (ignoringCase > allowed) continue;
            int score = 2 * ignoringCase + (distance(name, c) > ignoringCase ? 1 : 0);
            if (score < bestScore) {
                best = c;
                bestScore = score;
                tie = false;
            } else if (score == bestScore && !c.equalsIgnoreCase(best)) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    /** Levenshtein distance, with a swap of neighbours counted as one edit. */
    private static int distance(String x, String y) {
        int[][] d = new int[x.length() + 1][y.length() + 1];
        for (int i = 0; i <= x.length(); i++) d[i][0] = i;
        for (int j = 0; j <= y.length(); j++) d[0][j] = j;
        for (int i = 1; i <= x.length(); i++) {
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x.charAt(i - 1) == y.charAt(j - 2) && x.charAt(i - 2) == y.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[x.length()][y.length()];
    }
}
