package org.notmono.sim.hrtf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.exceptions.HdfException;
import org.notmono.audio.Resampler;

/**
 * Reads SOFA files of the SimpleFreeFieldHRIR convention (HDF5, read with the pure-Java jHDF)
 * into an {@link HrtfSet}, resampled to the render rate.
 *
 * <p>The shipped set is the MIT Media Lab KEMAR measurement, normal pinna (710 directions,
 * 44.1 kHz), from Debian's libmysofa1: B. Gardner and K. Martin, "HRTF Measurements of a KEMAR
 * Dummy-Head Microphone", MIT Media Lab Perceptual Computing Technical Report 280, 1994. The
 * data is provided free with no restrictions on use, provided the authors are cited.
 */
public final class SofaReader {

    /** The MIT KEMAR set in the assets module. */
    public static final String KEMAR_RESOURCE = "/assets/hrtf/MIT_KEMAR_normal_pinna.sofa";

    private SofaReader() {
    }

    /** Reads the shipped MIT KEMAR set at {@code sampleRate}. */
    public static HrtfSet kemar(int sampleRate) throws IOException {
        try (InputStream in = SofaReader.class.getResourceAsStream(KEMAR_RESOURCE)) {
            if (in == null) {
                throw new IOException(KEMAR_RESOURCE + " is not on the classpath (is the assets module there?)");
            }
            return read(in.readAllBytes(), KEMAR_RESOURCE, sampleRate);
        }
    }

    /** Reads SOFA bytes; errors name {@code nameForErrors}. */
    public static HrtfSet read(byte[] sofa, String nameForErrors, int sampleRate) throws IOException {
        try (HdfFile hdf = HdfFile.fromBytes(sofa)) {
            String convention = String.valueOf(hdf.getAttribute("SOFAConventions").getData());
            if (!convention.startsWith("SimpleFreeFieldHRIR")) {
                throw new IOException(nameForErrors + ": SOFA convention " + convention + " is not SimpleFreeFieldHRIR");
            }
            int fileRate = (int) Math.round(((double[]) dataset(hdf, "Data.SamplingRate", nameForErrors).getData())[0]);
            double[][][] ir = (double[][][]) dataset(hdf, "Data.IR", nameForErrors).getData();
            double[][] positions = (double[][]) dataset(hdf, "SourcePosition", nameForErrors).getData();
            if (ir.length != positions.length || ir[0].length != 2) {
                throw new IOException(nameForErrors + ": Data.IR is " + ir.length + " x " + ir[0].length
                        + ", expected one left/right pair per each of " + positions.length + " source positions");
            }
            List<HrtfSet.Direction> directions = new ArrayList<>();
            float[][] left = new float[ir.length][];
            float[][] right = new float[ir.length][];
            for (int m = 0; m < ir.length; m++) {
                directions.add(new HrtfSet.Direction(wrap(positions[m][0]), positions[m][1], positions[m][2]));
                // SOFA's receiver 0 is the left ear (ReceiverPosition y > 0, and +y is left)
                left[m] = Resampler.resample(toFloat(ir[m][0]), fileRate, sampleRate);
                right[m] = Resampler.resample(toFloat(ir[m][1]), fileRate, sampleRate);
            }
            return new HrtfSet(sampleRate, directions, left, right);
        } catch (HdfException | ClassCastException | ArrayIndexOutOfBoundsException e) {
            throw new IOException(nameForErrors + ": not a readable SOFA HRIR file (" + e.getMessage() + ")", e);
        }
    }

    private static Dataset dataset(HdfFile hdf, String path, String nameForErrors) throws IOException {
        try {
            return hdf.getDatasetByPath(path);
        } catch (HdfException e) {
            throw new IOException(nameForErrors + ": no dataset " + path, e);
        }
    }

    /** SOFA azimuths run 0..360 counter-clockwise; the project uses [-180, 180). */
    private static double wrap(double azimuth) {
        double a = ((azimuth + 180) % 360 + 360) % 360 - 180;
        return a == 180 ? -180 : a;
    }

    private static float[] toFloat(double[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }
}
