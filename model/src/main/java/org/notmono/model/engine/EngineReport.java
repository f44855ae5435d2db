package org.notmono.model.engine;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.cuda.CudaUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the deep-learning engine runs on, for {@code notmono doctor}, the About box and every
 * run's {@code config.json}: engine and PyTorch versions, where libtorch was loaded from and
 * why, the devices DJL sees, CUDA, thread counts, memory, and the environment the launcher set.
 *
 * @param djl DJL's version
 * @param engine engine name and version, e.g. "PyTorch 2.7.1", or null when it failed to load
 * @param engineError why the engine did not load, or null
 * @param libtorch the folder libtorch was loaded from, or null
 * @param libtorchSource how DJL found it: {@code PYTORCH_LIBRARY_PATH}, {@code bundled jar} or {@code downloaded}
 * @param cudaBuild true when the loaded libtorch was built with CUDA
 * @param features the build's capabilities (CUDA, CUDNN, MKL, MKLDNN, OPENMP, ...)
 * @param devices the devices DJL sees, e.g. [cpu()] or [gpu(0), gpu(1)]
 * @param cuda the CUDA runtime version and GPU memory when a GPU is seen, else null
 * @param intraOpThreads PyTorch's intra-op threads (-1 when the engine did not load)
 * @param interOpThreads PyTorch's inter-op threads (-1 when the engine did not load)
 * @param processors processors the JVM sees
 * @param jvmMaxBytes the JVM's maximum heap
 * @param machineBytes the machine's physical memory
 * @param downloadsAllowed false when DJL is offline (DJL_OFFLINE=true), the default
 * @param launcher the launcher's and DJL's variables that are set, by name
 */
public record EngineReport(String djl, String engine, String engineError, String libtorch, String libtorchSource,
        boolean cudaBuild, List<String> features, List<String> devices, String cuda,
        int intraOpThreads, int interOpThreads, int processors, long jvmMaxBytes, long machineBytes,
        boolean downloadsAllowed, Map<String, String> launcher) {

    /** The variables the launcher sets or passes on, in the order they are shown. */
    public static final List<String> VARIABLES = List.of("NOTMONO_LIBTORCH", "NOTMONO_ALLOW_DOWNLOADS",
            DeviceChoice.VARIABLE, "DJL_OFFLINE", "OPT_OUT_TRACKING", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR",
            "PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR", "LD_LIBRARY_PATH", "GLIBC_TUNABLES",
            "NOTMONO_JAVA_OPTS");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Collects the report, loading the engine if it is not loaded yet; never throws for a broken engine. */
    public static EngineReport collect(Map<String, String> env) {
        Map<String, String> launcher = new LinkedHashMap<>();
        for (String name : VARIABLES) {
            String value = env.get(name);
            if (value != null) {
                launcher.put(name, value);
            }
        }
        boolean downloads = !Boolean.parseBoolean(env.getOrDefault("DJL_OFFLINE", System.getProperty("ai.djl.offline", "false")));
        int processors = Runtime.getRuntime().availableProcessors();
        long machine = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        long jvmMax = Runtime.getRuntime().maxMemory();
        Engine engine;
        try {
            engine = Engine.getInstance();
        } catch (RuntimeException | LinkageError e) {
            return new EngineReport(ComputeDevices.djlVersion(), null, causes(e), null, null, false,
                    List.of(), List.of(), null, -1, -1, processors, jvmMax, machine, downloads, launcher);
        }
        String dir = LibUtils.getLibtorchPath();
        List<String> devices = new ArrayList<>();
        for (Device d : engine.getDevices()) {
            devices.add(d.toString());
        }
        return new EngineReport(ComputeDevices.djlVersion(), engine.getEngineName() + " " + engine.getVersion(), null,
                dir, source(dir, env.get("PYTORCH_LIBRARY_PATH")), engine.hasCapability(StandardCapabilities.CUDA),
                List.copyOf(new TreeSet<>(JniUtils.getFeatures())), devices, cuda(engine), JniUtils.getNumThreads(),
                JniUtils.getNumInteropThreads(), processors, jvmMax, machine, downloads, launcher);
    }

    /** The report of this process, with its environment. */
    public static EngineReport collect() {
        return collect(System.getenv());
    }

    /** The number of GPUs DJL sees. */
    public int gpus() {
        return (int) devices.stream().filter(d -> d.startsWith("gpu")).count();
    }

    /** Label and value rows, as {@code notmono doctor} prints them and the About box shows them. */
    public List<Map.Entry<String, String>> rows() {
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        rows.add(Map.entry("DJL", djl));
        if (engine == null) {
            rows.add(Map.entry("Engine", "failed to load: " + engineError));
        } else {
            rows.add(Map.entry("Engine", engine + " (" + (cudaBuild ? "CUDA" : "CPU") + " build; " + String.join(", ", features) + ")"));
            rows.add(Map.entry("libtorch", libtorch + " (" + describeSource() + ")"));
            rows.add(Map.entry("Devices", String.join(", ", devices)));
            rows.add(Map.entry("CUDA", cuda != null ? cuda : cudaBuild
                    ? "a CUDA build, but DJL finds no GPU (is the NVIDIA driver loaded and libcudart on LD_LIBRARY_PATH?)"
                    : "not available (CPU build of libtorch)"));
            rows.add(Map.entry("Threads", "intra-op " + intraOpThreads + ", inter-op " + interOpThreads + " (" + processors + " processors)"));
        }
        rows.add(Map.entry("Memory", "JVM max " + gib(jvmMaxBytes) + ", machine " + gib(machineBytes)));
        rows.add(Map.entry("Downloads", downloadsAllowed ? "allowed (DJL_OFFLINE is not true)" : "off (DJL_OFFLINE=true)"));
        rows.add(Map.entry("Launcher", switch (launcher.getOrDefault("NOTMONO_LIBTORCH", "")) {
            case "bundled" -> "the bundled CPU libtorch, offline (the default)";
            case "local" -> "a local libtorch from PYTORCH_LIBRARY_PATH, offline";
            case "download" -> "DJL may download libtorch (NOTMONO_ALLOW_DOWNLOADS)";
            default -> "not started by ./notmono";
        }));
        String set = launcher.isEmpty() ? "nothing (not started by ./notmono?)" : String.join("\n", launcher.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList());
        rows.add(Map.entry("Environment", set));
        return rows;
    }

    /** The report as JSON, for {@code doctor --json} and the {@code environment} block of a run's config. */
    public ObjectNode toJson() {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("djl", djl);
        json.put("engine", engine);
        if (engineError != null) {
            json.put("engineError", engineError);
        }
        json.put("libtorch", libtorch);
        json.put("libtorchSource", libtorchSource);
        json.put("cudaBuild", cudaBuild);
        features.forEach(json.putArray("features")::add);
        devices.forEach(json.putArray("devices")::add);
        json.put("gpus", gpus());
        json.put("cuda", cuda);
        ObjectNode threads = json.putObject("threads");
        threads.put("intraOp", intraOpThreads);
        threads.put("interOp", interOpThreads);
        threads.put("processors", processors);
        ObjectNode memory = json.putObject("memory");
        memory.put("jvmMaxBytes", jvmMaxBytes);
        memory.put("machineBytes", machineBytes);
        json.put("downloadsAllowed", downloadsAllowed);
        ObjectNode env = json.putObject("launcher");
        launcher.forEach(env::put);
        return json;
    }

    private String describeSource() {
        return switch (libtorchSource) {
            case "PYTORCH_LIBRARY_PATH" -> "from PYTORCH_LIBRARY_PATH";
            case "bundled jar" -> "extracted from the bundled " + bundledJar() + " jar";
            default -> "downloaded by DJL into its cache";
        };
    }

    /**
     * How DJL found libtorch (its order, ai.djl.pytorch.jni.LibUtils): a folder on
     * PYTORCH_LIBRARY_PATH holding libtorch, else a native jar on the class path, else a download.
     */
    static String source(String libtorchDir, String libraryPath) {
        if (libraryPath != null && libtorchDir != null) {
            for (String entry : libraryPath.split(File.pathSeparator)) {
                Path p = Path.of(entry).toAbsolutePath();
                if (Files.isRegularFile(p)) {
                    p = p.getParent();
                }
                if (p.equals(Path.of(libtorchDir).toAbsolutePath())) {
                    return "PYTORCH_LIBRARY_PATH";
                }
            }
        }
        return bundledJar() != null ? "bundled jar" : "downloaded";
    }

    /** "pytorch-native-cpu 2.7.1 (linux-x86_64)" when a native jar is on the class path, else null. */
    private static String bundledJar() {
        URL url = EngineReport.class.getClassLoader().getResource("native/lib/pytorch.properties");
        if (url == null) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        } catch (IOException e) {
            return "pytorch-native";
        }
        return "pytorch-native-" + p.getProperty("flavor", "?") + " " + p.getProperty("version", "?")
                + " (" + p.getProperty("classifier", "?") + ")";
    }

    private static String cuda(Engine engine) {
        if (engine.getGpuCount() == 0) {
            return null;
        }
        try {
            StringBuilder s = new StringBuilder("CUDA runtime " + CudaUtils.getCudaVersionString());
            for (Device d : engine.getDevices()) {
                if (d.isGpu()) {
                    s.append(", ").append(d).append(' ').append(gib(CudaUtils.getGpuMemory(d).getMax()))
                            .append(" (compute capability ").append(CudaUtils.getComputeCapability(d.getDeviceId())).append(')');
                }
            }
            return s.toString();
        } catch (RuntimeException e) {
            return engine.getGpuCount() + " GPU(s); the CUDA runtime did not answer: " + e.getMessage();
        }
    }

    /** "message: CauseClass cause's message: ..." so a failed download names what failed, e.g. "UnknownHostException publish.djl.ai". */
    private static String causes(Throwable e) {
        StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !s.toString().contains(c.getMessage())) {
                s.append(": ").append(c.getClass().getSimpleName()).append(' ').append(c.getMessage());
            }
        }
        return s.toString();
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
