package dev.myelin.compiler.codegen;

import dev.myelin.compiler.diag.SourceFile;
import dev.myelin.compiler.driver.ModelCompiler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How event-driven traces are stored: once per target neuron (lower.PostsynapticTraces: a one-step
 * decay of every target neuron's value, a read per presynaptic event, one update per postsynaptic
 * spike), as the time they were last set (lower.SetTimeTraces), or per synapse as Brian2 does; and
 * lastupdate only when something needs it. ReferenceCasesTest and SynapseReferenceCasesTest check
 * that the two STDP references still give Brian2's spikes and weights.
 */
class TraceStorageTest {

    /** Nearest-spike STDP as Diehl & Cook write it: post1 read on_pre, post2 read on_post before it is set. */
    private static final String STDP = """
            neurons G[3] {
                equations 'dv/dt = -v / (10*ms) : 1'
                threshold 'v > 1'
                reset 'v = 0'
            }
            synapses S(G -> G) {
                equations '''
                    w : 1
                    before : 1
                    dpre/dt = -pre / (20*ms) : 1 (event-driven)
                    dpost1/dt = -post1 / (20*ms) : 1 (event-driven)
                    dpost2/dt = -post2 / (40*ms) : 1 (event-driven)
                '''
                on_pre '''
                    v_post += w
                    pre = 1
                    w = clip(w - 0.0001 * post1, 0, 1)
                '''
                on_post '''
                    before = post2
                    w = clip(w + 0.01 * pre * before, 0, 1)
                    post1 = 1
                    post2 = 1
                '''
                connect
                init w = 0.5
            }
            run 10 ms
            """;

    @Test
    void postsynapticTracesBecomeOneValuePerTargetNeuron() {
        String source = source(STDP);
        assertTrue(source.contains("private double[] S$post1$post;"), source);
        assertTrue(source.contains("private double[] S$post2$post;"), source);
        assertFalse(source.contains("S$post1 ="), "no per-synapse array: " + source);
        assertTrue(source.contains("private double[] S$pre$set;"), "the presynaptic trace stays per synapse (its delays could differ), as the time it was set: " + source);
        assertTrue(source.contains("this.S$post1$post = new double[this.G$$N];"), source);
    }

    @Test
    void everyStepEachTargetNeuronsTracesDecayByOneStepBeforeTheGroupsUpdate() {
        String source = source(STDP);
        String traces = GeneratedCodeTest.method(source, "traces_S");
        assertTrue(traces.contains("final double _s0 = this.$decay$0.ofSteps(50.0, (long) (1.0));"), traces);
        assertTrue(traces.contains("for (int _post = 0; _post < G$$N; _post++)"), traces);
        assertTrue(traces.contains("S$post1$post[_post] = (_s0 * S$post1$post[_post]);"), traces);
        assertTrue(traces.contains("S$post2$post[_post] = (_s1 * S$post2$post[_post]);"), traces);
        String advance = GeneratedCodeTest.method(source, "advance");
        assertTrue(advance.indexOf("traces_S(step, t);") < advance.indexOf("update_G("), advance);
    }

    @Test
    void aPresynapticEventReadsTheTraceOfItsTargetWithoutDecayingIt() {
        String pathway = GeneratedCodeTest.method(source(STDP), "pathway_S_pre");
        assertTrue(pathway.contains("final double _tr_post1_0 = S$post1$post[_post];"), pathway);
        assertTrue(pathway.contains("S$w[_syn] = dev.myelin.runtime.MathFunctions.clip((double) (S$w[_syn] - (1.0E-4 * _tr_post1_0))"), pathway);
        assertFalse(pathway.contains("S$post2$post["), "post2 is not read on_pre, so not touched: " + pathway);
        assertFalse(pathway.contains(".of(50.0"), "no decay per event: pre is set, post1 read from its neuron: " + pathway);
    }

    @Test
    void aPostsynapticSpikeReadsTheTracesBeforeItsSynapsesAndStoresThemAfter() {
        String pathway = GeneratedCodeTest.method(source(STDP), "pathway_S_post");
        int read = pathway.indexOf("final double _tr_post2_0 = S$post2$post[_post];");
        int loop = pathway.indexOf("for (int _syn");
        int perSynapse = pathway.indexOf("S$before[_syn] = _tr_post2_0;");
        int store = pathway.indexOf("S$post2$post[_post] = _tr_post2_1;");
        assertTrue(read >= 0 && read < loop && loop < perSynapse && perSynapse < store, pathway);
        assertTrue(pathway.contains("S$post1$post[_post] = _tr_post1_1;"), pathway);
        assertFalse(pathway.contains("_tr_post1_0"), "post1 is set, not read, on_post: " + pathway);
        assertTrue(pathway.contains("final int _post = _n;"), pathway);
        assertTrue(pathway.contains("final int _pre = _preOf[_syn];"), pathway);
    }

    @Test
    void aTraceStaysPerSynapseWhenAnythingButPostsynapticSpikesCouldTellTheDifference() {
        assertPerSynapse("a monitor", STDP.replace("run 10 ms", "statemonitor m of S.post1 record [0]\nrun 10 ms"));
        assertPerSynapse("on_pre writes it", STDP.replace("pre = 1\n", "pre = 1\n                    post1 += 0.5\n"));
        assertPerSynapse("on_post sets it from a per-synapse value", STDP.replace("post1 = 1", "post1 = w"));
        assertPerSynapse("an initial value per synapse", STDP.replace("init w = 0.5", "init w = 0.5\n                init post1 = 'rand()'"));
        assertPerSynapse("a save", STDP + "save p = S.post1\n");
        String delayed = source(STDP.replace("connect\n", "connect\n                delay post = 1 ms\n"));
        assertTrue(delayed.contains("private double[] S$post1$set;"), "a delayed on_post: post1 is set to 1, so kept as the time: " + delayed);
        assertTrue(delayed.contains("private double[] S$post2$set;"), "post2 too, read before it is set: " + delayed);
        assertFalse(delayed.contains("$post["), "nothing per target neuron: " + delayed);
    }

    @Test
    void aTraceEveryWriteSetsToOneConstantIsKeptAsTheTimeOfTheWrite() {
        String source = source(STDP);
        assertTrue(source.contains("java.util.Arrays.fill(this.S$pre$set, Double.NEGATIVE_INFINITY);"), "never set: " + source);
        String pre = GeneratedCodeTest.method(source, "pathway_S_pre");
        assertTrue(pre.contains("S$pre$set[_syn] = t;"), pre);
        String post = GeneratedCodeTest.method(source, "pathway_S_post");
        assertTrue(post.contains("final double _ls_pre = (1 * this.$decay$0.since(50.0, t, S$pre$set[_syn]));"), post);
        assertTrue(post.contains("S$w[_syn] = dev.myelin.runtime.MathFunctions.clip((double) (S$w[_syn] + ((0.01 * _ls_pre) * S$before[_syn]))"), post);
    }

    @Test
    void lastupdateIsWrittenOnlyWhenSomethingNeedsIt() {
        assertFalse(source(STDP).contains("S$lastupdate"), "every trace per neuron or as a set time, nothing reads lastupdate");
        String monitored = source(STDP.replace("run 10 ms", "statemonitor m of S.lastupdate record [0]\nrun 10 ms"));
        assertTrue(GeneratedCodeTest.method(monitored, "pathway_S_pre").contains("S$lastupdate[_syn] = t;"), monitored);
        String accumulated = source(STDP.replace("pre = 1", "pre += 1"));
        String pre = GeneratedCodeTest.method(accumulated, "pathway_S_pre");
        assertTrue(pre.contains("S$pre[_syn] = (S$pre[_syn] + 1);"), "pre += 1 keeps its value per synapse: " + pre);
        assertTrue(pre.contains("S$lastupdate[_syn] = t;"), "and it decays from lastupdate: " + pre);
    }

    private static void assertPerSynapse(String why, String model) {
        String source = source(model);
        assertTrue(source.contains("private double[] S$post1;"), why + ": " + source);
        assertFalse(source.contains("S$post1$"), why + ": " + source);
    }

    private static String source(String model) {
        return new ModelCompiler().compile(new SourceFile("model.myl", model)).source().source();
    }
}
