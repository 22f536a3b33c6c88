package io.shardline.query.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardline.query.QueryException;
import io.shardline.query.plan.Transforms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The technical-analysis transformations against answers of InfluxDB 1.6.7 for the same input (usage_user of
 * host a in the differential data set, one value a minute), compared bit for bit, and their edge cases.
 */
class TechnicalAnalysisTest {

    private static final double[] INPUT = {49.2, 8.97, 89.17, 46.08, 51.21, 32.81, 94.96, 1.55, 20.07, 12.38, 12.91,
        86.45, 70.71, 78.9, 60.51, 99.78, 36.61, 23.26, 18.31, 71.82};

    private record Out(long time, Object value) {
    }

    private static List<Out> run(String name, int period, long hold, String warmup, Object... values) {
        long[] times = new long[values.length];
        Arrays.setAll(times, i -> i * 60L);
        List<Out> out = new ArrayList<>();
        Transformer.run(new Transforms.Transform(name, 0, period, hold, warmup), true, times, List.of(values),
                (t, v) -> out.add(new Out(t, v)));
        return out;
    }

    private static List<Out> run(String name, int period, long hold, String warmup) {
        return run(name, period, hold, warmup, Arrays.stream(INPUT).boxed().toArray());
    }

    /** The expected points: {@code values} from the input index {@code first} on, at the input's times. */
    private static List<Out> expect(int first, double... values) {
        List<Out> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new Out((first + i) * 60L, values[i]));
        }
        return out;
    }

    @Test
    void exponentialMovingAverages() {
        assertThat(run("exponential_moving_average", 3, -1, null)).isEqualTo(expect(2, 55.775, 50.927499999999995,
                51.068749999999994, 41.939375, 68.4496875, 34.99984375, 27.534921875, 19.9574609375, 16.43373046875,
                51.441865234375, 61.0759326171875, 69.98796630859376, 65.24898315429688, 82.51449157714845,
                59.562245788574224, 41.41112289428711, 29.860561447143553, 50.84028072357177));
        assertThat(run("exponential_moving_average", 4, 0, "simple")).isEqualTo(expect(0, 49.2, 29.085,
                49.11333333333334, 48.355000000000004, 49.497, 42.8222, 63.67732, 38.826392, 31.323835199999998,
                23.74630112, 19.411780672, 46.2270684032, 56.02024104192, 65.172144625152, 63.3072867750912,
                77.89637206505472, 61.381823239032826, 46.133093943419695, 35.003856366051814, 49.730313819631085));
        assertThat(run("double_exponential_moving_average", 3, 0, "simple")).isEqualTo(expect(0, 49.2, 29.085,
                49.11333333333334, 46.838333333333324, 50.102222222222224, 37.30777777777778, 79.59722222222221,
                23.95277777777777, 18.330972222222215, 11.592777777777776, 10.502534722222219, 65.98684027777779,
                73.16870659722221, 80.49199652777777, 68.13231987847223, 92.58932074652778, 53.12374077690973,
                29.11641059027778, 17.937975396050348, 55.368872748480904));
        assertThat(run("triple_exponential_moving_average", 3, 0, null)).isEqualTo(expect(0, 49.2,
                10.460000000000008, 77.09625, 54.895624999999995, 52.236249999999984, 35.19718749999998,
                85.863046875, 15.7562109375, 15.064179687500001, 10.346992187500007, 11.086879882812497,
                76.51559814453125, 77.20786132812499, 81.71845336914065, 64.93623382568362, 94.58774337768557,
                45.8667463684082, 22.560091247558603, 14.846045017242417, 62.048592386245716));
    }

    @Test
    void derivativeStrengthAndMomentum() {
        assertThat(run("triple_exponential_derivative", 2, 1, "simple")).isEqualTo(expect(1, -40.88414634146341,
                68.8613833018165, 3.158605191318653, 1.90659062397327, -10.468930851898328, 27.695938093083818,
                -22.08608392457141, -26.129617550283346, -27.892040102487325, -23.65939350596289, 100.02903411964814,
                41.76682438519907, 21.874485581889424, 2.532078288466866, 15.06530121985692, -11.604536784150222,
                -23.843548737146314, -27.69936724854365, 17.958507630772893));
        assertThat(run("relative_strength_index", 3, -1, null)).isEqualTo(expect(3, 53.407541189045745,
                55.510584757245674, 44.66422189814094, 72.1926845884703, 34.02824095403666, 42.991112619732206,
                39.63707927624605, 40.12003908172119, 77.53308929093268, 64.57903976175733, 68.66520358714598,
                49.45108854205009, 73.34342011599814, 34.26492858699281, 29.31373957054032, 27.13314464291726,
                66.9720086281792));
        assertThat(run("chande_momentum_oscillator", 3, -1, null)).isEqualTo(expect(2, 33.18940463339699,
                -1.9080234833659517, 32.89207288584333, -84.59921945361751, 57.04948646125116, -28.54679236606116,
                -7.3184742647058805, -69.03527838154153, 42.48317127898284, 81.18884540117418, 64.94822402850461,
                67.70288293834, -61.29489603024566, 44.14578587699317, -34.999586195481236, -32.17030831678036,
                -99.99999999999997, 49.03216822169615));
        assertThat(run("chande_momentum_oscillator", 3, 1, "exponential")).isEqualTo(expect(1, -24.10920869967606,
                56.53864851725814, 6.815082378091477, 11.021169514491342, -10.67155620371813, 44.385369176940586,
                -31.943518091926688, -14.017774760535588, -20.725841447507896, -19.759921836557613,
                55.066178581865366, 29.15807952351466, 37.330407174291985, -1.097822915899822, 46.686840231996285,
                -31.470142826014392, -41.37252085891935, -45.73371071416549, 33.9440172563584));
    }

    @Test
    void kaufmans() {
        assertThat(run("kaufmans_efficiency_ratio", 3, -1, null)).isEqualTo(expect(3, 0.01908023483365952,
                0.3289207288584333, 0.8459921945361756, 0.5704948646125119, 0.28546792366061174, 0.07318474264705885,
                0.6903527838154156, 0.4248317127898285, 0.8118884540117418, 0.6494822402850462, 0.6770288293834001,
                0.6129489603024576, 0.4414578587699318, 0.34999586195481264, 0.3217030831678039, 1.0000000000000004,
                0.4903216822169617));
        assertThat(run("kaufmans_adaptive_moving_average", 3, 0, null)).isEqualTo(expect(0, 21.86666666666667,
                48.572281155691975, 20.615012306490257, 88.92107742782947, 86.32104513880338, 68.69469177209305,
                73.06777563520237, 69.07064265470623, 68.49289746646673, 55.55304015354321, 51.177415501109266,
                61.97951206579083, 63.791728894505205, 67.16031180628156, 65.90997240541915, 69.60602759427377,
                67.10586744151833, 64.18210939690807, 43.79450522050447, 47.42184061751767));
    }

    @Test
    void nothingComesOutOfNoPointsOrFewerThanTheHoldPeriod() {
        for (String f : Transforms.TECHNICAL_ANALYSIS) {
            assertThat(run(f, 3, -1, null, new Object[0])).as(f).isEmpty();
            assertThat(run(f, 3, 5, null, 1.0, 2.0, 3.0, 4.0, 5.0)).as(f).isEmpty();
        }
        // one point with hold period 0: the value itself (EMA), 1 (KER compares with its zero-filled ring)
        assertThat(run("exponential_moving_average", 5, 0, null, 7L)).containsExactly(new Out(0, 7.0));
        assertThat(run("kaufmans_efficiency_ratio", 5, 0, null, 7L)).containsExactly(new Out(0, 1.0));
    }

    @Test
    void integersAreAveragedAsFloatsAndInfinitiesDroppedWhere1xDropsThem() {
        assertThat(run("exponential_moving_average", 1, 0, null, Long.MAX_VALUE, Long.MIN_VALUE))
                .containsExactly(new Out(0, 9.223372036854776E18), new Out(60, -9.223372036854776E18));
        // TRIX of a series starting at 0: the first rate divides by 0 (NaN is kept, shown as null; Inf dropped)
        List<Out> trix = run("triple_exponential_derivative", 1, 0, null, 0.0, 1.0, 2.0);
        assertThat(trix).hasSize(2);
        assertThat((Double) trix.get(0).value()).isNaN();
        assertThat(trix.get(1)).isEqualTo(new Out(120, 100.0));
        // RSI without any fall: 100; without any change: NaN (0/0), as 1.x
        assertThat(run("relative_strength_index", 2, 0, null, 1.0, 2.0)).extracting(Out::value)
                .containsExactly(100.0, 100.0);
    }

    @Test
    void nonNumericValuesFailWith1xsIteratorError() {
        assertThatThrownBy(() -> run("exponential_moving_average", 2, -1, null, "x"))
                .isInstanceOf(QueryException.class)
                .hasMessage("unsupported exponential moving average iterator type: *query.stringInterruptIterator");
        assertThatThrownBy(() -> run("relative_strength_index", 2, -1, null, true))
                .hasMessage("unsupported relative strength index iterator type: *query.booleanInterruptIterator");
    }

    @Test
    void chandePeriodOneWithoutWarmupIsRefusedInsteadOfPanicking() {
        assertThatThrownBy(() -> run("chande_momentum_oscillator", 1, -1, null, 1.0))
                .isInstanceOf(QueryException.class).hasMessageContaining("period 1");
        assertThat(run("chande_momentum_oscillator", 1, 0, "simple", 1.0, 2.0)).hasSize(2);
    }

    @Test
    void holdPeriodIsUnsigned32BitAs1x() {
        // 2^32 truncates to 0 in 1.x's uint32(holdPeriod): every point comes out
        assertThat(run("exponential_moving_average", 2, 1L << 32, null, 1.0, 2.0)).hasSize(2);
    }
}
