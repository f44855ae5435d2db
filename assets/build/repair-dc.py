#!/usr/bin/env python3
"""Takes the DC out of the shipped clips in place, as process.py now does while building them.

The clips of earlier builds kept their recordings' DC offset (applause_02 about 0.07). This
applies the same steps to the finished clips: process.remove_dc (20 Hz zero-phase high-pass),
the clip's fade envelope again, process.zero_mean with that envelope, process.normalise; then it rewrites each
clip's loudnessDb in manifest.json. Rebuilding with rebuild-assets.sh gives the same kind of
clips from the original packages. Usage: python3 assets/build/repair-dc.py
"""
import json
import sys
import wave
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import process  # noqa: E402


def main():
    assets = Path(__file__).resolve().parent.parent
    manifest_path = assets / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    worst = 0.0
    for clip in manifest["clips"]:
        path = assets / clip["file"]
        with wave.open(str(path), "rb") as w:
            rate = w.getframerate()
            x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2") / 32767.0
        limit = int(process.MAX_SECONDS[clip["family"]] * rate)
        cut = len(x) >= limit  # cut clips got the long fade-out
        envelope = process.fade(np.ones(len(x)), rate, fade_out_s=process.fade_out_seconds(cut))
        # the filter's answer to the faded-in offset leaves a step at the ends: fade it out again
        x = process.zero_mean(process.remove_dc(x, rate) * envelope, envelope)
        x = process.normalise(x, rate)
        process.write_wav(path, x, rate)
        clip["loudnessDb"] = round(float(process.active_rms_db(x, rate)), 1)
        worst = max(worst, abs(float(np.mean(np.round(x * 32767) / 32767))))
    manifest_path.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(manifest['clips'])} clips repaired; largest |mean| now {worst:.2e}")


if __name__ == "__main__":
    main()
