package io.shardline.model;

/**
 * Go's float formatting, byte for byte: {@code strconv.FormatFloat(v, 'f'|'e'|'g', -1, 64)}
 * (shortest digits that read back as {@code v}) and the {@code encoding/json} form used in query
 * results. Line protocol uses {@code 'f'}, {@code influx_inspect export} uses {@code 'g'}. Stateless.
 */
public final class GoFloat {

    private GoFloat() {
    }

    /** {@code FormatFloat(v, 'f', -1, 64)}: never an exponent, e.g. {@code 10000}, {@code 0.0001}. */
    public static String formatF(double v) {
        StringBuilder b = new StringBuilder(24);
        appendF(b, v);
        return b.toString();
    }

    /** {@code FormatFloat(v, 'e', -1, 64)}, e.g. {@code 1e+06}, {@code 1.5e-07}. */
    public static String formatE(double v) {
        StringBuilder b = new StringBuilder(24);
        appendE(b, v);
        return b.toString();
    }

    /** {@code FormatFloat(v, 'g', -1, 64)}: {@code 'e'} when the exponent is below -4 or at least 6. */
    public static String formatG(double v) {
        StringBuilder b = new StringBuilder(24);
        appendG(b, v);
        return b.toString();
    }

    /**
     * {@code encoding/json}: {@code 'f'} unless {@code |v| < 1e-6} or {@code |v| >= 1e21}, then
     * {@code 'e'} with a negative exponent's leading zero removed ({@code 1.5e-7}, {@code 1e+21}).
     * NaN and infinities, which Go refuses, give {@code null} as InfluxDB's query output shows them.
     */
    public static String formatJson(double v) {
        StringBuilder b = new StringBuilder(24);
        appendJson(b, v);
        return b.toString();
    }

    /** Appends {@link #formatF}. */
    public static void appendF(StringBuilder b, double v) {
        if (special(b, v)) {
            return;
        }
        ShortestDecimal.Decimal d = ShortestDecimal.of(v);
        fmtF(b, v, digits(d), d.digits() == 0 ? 0 : digitCount(d) + d.exponent());
    }

    /** Appends {@link #formatE}. */
    public static void appendE(StringBuilder b, double v) {
        if (special(b, v)) {
            return;
        }
        ShortestDecimal.Decimal d = ShortestDecimal.of(v);
        fmtE(b, v, digits(d), d.digits() == 0 ? 0 : digitCount(d) + d.exponent(), true);
    }

    /** Appends {@link #formatG}. */
    public static void appendG(StringBuilder b, double v) {
        if (special(b, v)) {
            return;
        }
        ShortestDecimal.Decimal d = ShortestDecimal.of(v);
        String ds = digits(d);
        int dp = d.digits() == 0 ? 0 : ds.length() + d.exponent();
        int exp = dp - 1;
        if (d.digits() != 0 && (exp < -4 || exp >= 6)) {
            fmtE(b, v, ds, dp, true);
        } else {
            fmtF(b, v, ds, dp);
        }
    }

    /** Appends {@link #formatJson}. */
    public static void appendJson(StringBuilder b, double v) {
        if (!Double.isFinite(v)) {
            b.append("null");
            return;
        }
        double abs = Math.abs(v);
        ShortestDecimal.Decimal d = ShortestDecimal.of(v);
        String ds = digits(d);
        int dp = d.digits() == 0 ? 0 : ds.length() + d.exponent();
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            fmtE(b, v, ds, dp, false);
        } else {
            fmtF(b, v, ds, dp);
        }
    }

    private static boolean special(StringBuilder b, double v) {
        if (Double.isNaN(v)) {
            b.append("NaN");
        } else if (v == Double.POSITIVE_INFINITY) {
            b.append("+Inf");
        } else if (v == Double.NEGATIVE_INFINITY) {
            b.append("-Inf");
        } else {
            return false;
        }
        return true;
    }

    private static String digits(ShortestDecimal.Decimal d) {
        return d.digits() == 0 ? "" : Long.toString(d.digits());
    }

    private static int digitCount(ShortestDecimal.Decimal d) {
        return Long.toString(d.digits()).length();
    }

    // Go's fmtF: digits ds with the decimal point after dp digits (value = 0.ds * 10^dp).
    private static void fmtF(StringBuilder b, double v, String ds, int dp) {
        if (Double.doubleToRawLongBits(v) < 0) {
            b.append('-');
        }
        int nd = ds.length();
        if (dp > 0) {
            int m = Math.min(nd, dp);
            b.append(ds, 0, m);
            for (; m < dp; m++) {
                b.append('0');
            }
        } else {
            b.append('0');
        }
        int prec = Math.max(nd - dp, 0);
        if (prec > 0) {
            b.append('.');
            for (int i = 1; i <= prec; i++) {
                int j = dp + i - 1;
                b.append(j >= 0 && j < nd ? ds.charAt(j) : '0');
            }
        }
    }

    // Go's fmtE with shortest precision; goStyle pads the exponent to two digits, JSON trims e-0X.
    private static void fmtE(StringBuilder b, double v, String ds, int dp, boolean goStyle) {
        if (Double.doubleToRawLongBits(v) < 0) {
            b.append('-');
        }
        int nd = ds.length();
        b.append(nd == 0 ? '0' : ds.charAt(0));
        if (nd > 1) {
            b.append('.').append(ds, 1, nd);
        }
        int exp = nd == 0 ? 0 : dp - 1;
        b.append('e').append(exp < 0 ? '-' : '+');
        int abs = Math.abs(exp);
        if (abs < 10 && goStyle) {
            b.append('0');
        }
        b.append(abs);
    }
}
