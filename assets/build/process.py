#!/usr/bin/env python3
"""Builds the dry clips and assets/manifest.json from unpacked Debian packages.

Called by rebuild-assets.sh; see docs/assets.md. Every clip is decoded with sox (or ffmpeg for
Asterisk's G.722 prompts), mixed to mono, high-passed at 20 Hz (DC and rumble out), cut, trimmed
of silence, faded, made exactly zero-mean, level-normalised and measured for decay. Environmental clips whose decay looks like a room tail are dropped.
"""
import argparse
import fnmatch
import gzip
import json
import re
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
from scipy import signal

ENV_RATE = 44100
MUSIC_RATE = 44100
SPEECH_RATE = 16000
TARGET_RMS_DB = -20.0      # active-frame RMS after normalisation
PEAK_CEILING_DB = -1.0
FRAME_S = 0.010
MAX_SECONDS = {"environmental": 4.0, "music": 3.5, "speech": 6.0}
# Environmental clips decaying slower than this (60 dB decay extrapolated from the clip's last
# loud frame) carry an obvious room tail. Bells ring, and a flush or a kettle fades out slowly by
# itself, so those classes are exempt (their decay is still reported).
MAX_ENV_DECAY_S = 2.5
SLOW_BY_NATURE = {"bell", "doorbell", "telephone", "toilet_flush", "kettle"}
SPEECH_PER_SPEAKER = 30
# Dry clips must carry no DC: convolved with an RIR (whose taps sum to far more than 1) an offset
# of 0.07 became a W mean of +0.7 and 99% of a render's energy below 20 Hz.
DC_CUTOFF_HZ = 20.0

SPEAKERS = [
    # (package with the audio, package with the transcripts, folder, language, class, speaker)
    ("asterisk-core-sounds-en-g722", "asterisk-core-sounds-en", "en_US_f_Allison", "en", "female_speech",
     "Allison Smith"),
    ("asterisk-core-sounds-it-g722", "asterisk-core-sounds-it", "it_IT_m_Carlo", "it", "male_speech",
     "Carlo Flora"),
]

# IEEE/Harvard sentences (public domain), lists 1 and 2, spoken by flite's male voices.
HARVARD = [
    "The birch canoe slid on the smooth planks.", "Glue the sheet to the dark blue background.",
    "It's easy to tell the depth of a well.", "These days a chicken leg is a rare dish.",
    "Rice is often served in round bowls.", "The juice of lemons makes fine punch.",
    "The box was thrown beside the parked truck.", "The hogs were fed chopped corn and garbage.",
    "Four hours of steady work faced us.", "A large size in stockings is hard to sell.",
    "The boy was there when the sun rose.", "A rod is used to catch pink salmon.",
    "The source of the huge river is the clear spring.", "Kick the ball straight and follow through.",
    "Help the woman get back to her feet.", "A pot of tea helps to pass the evening.",
    "Smoky fires lack flame and heat.", "The soft cushion broke the man's fall.",
    "The salt breeze came across from the sea.", "The girl at the booth sold fifty bonds.",
]
FLITE_VOICES = ["rms", "awb"]



# ---------------------------------------------------------------- decoding

def decode_sox(path, rate):
    raw = subprocess.run(["sox", str(path), "-t", "raw", "-e", "floating-point", "-b", "32", "-",
                          "remix", "-", "rate", "-v", str(rate)],
                         check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype="<f4").astype(np.float64)


def decode_g722(path, rate):
    raw = subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "g722", "-i", str(path),
                          "-ac", "1", "-ar", str(rate), "-f", "f32le", "-"],
                         check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype="<f4").astype(np.float64)


# ---------------------------------------------------------------- processing

def frame_db(x, rate):
    n = max(1, int(FRAME_S * rate))
    frames = len(x) // n
    if frames == 0:
        return np.array([-120.0])
    power = np.mean(x[:frames * n].reshape(frames, n) ** 2, axis=1)
    return 10 * np.log10(power + 1e-12)


def trim_silence(x, rate, floor_db=50.0):
    """Drops leading and trailing frames more than floor_db below the loudest frame."""
    db = frame_db(x, rate)
    n = max(1, int(FRAME_S * rate))
    loud = np.nonzero(db > db.max() - floor_db)[0]
    start = max(0, loud[0] * n - n)
    end = min(len(x), (loud[-1] + 2) * n)
    return x[start:end]


def fade(x, rate, fade_in_s=0.005, fade_out_s=0.03):
    x = x.copy()
    i = min(len(x) // 4, int(fade_in_s * rate))
    o = min(len(x) // 4, int(fade_out_s * rate))
    if i > 0:
        x[:i] *= 0.5 - 0.5 * np.cos(np.pi * np.arange(i) / i)
    if o > 0:
        x[-o:] *= 0.5 + 0.5 * np.cos(np.pi * np.arange(o) / o)
    return x


def active_rms_db(x, rate):
    db = frame_db(x, rate)
    active = db[db > db.max() - 40]
    return 10 * np.log10(np.mean(10 ** (active / 10)))


def normalise(x, rate):
    gain_db = TARGET_RMS_DB - active_rms_db(x, rate)
    peak_db = 20 * np.log10(np.max(np.abs(x)) + 1e-12)
    gain_db = min(gain_db, PEAK_CEILING_DB - peak_db)
    return x * 10 ** (gain_db / 20)


def decay_seconds(x, rate):
    """60 dB decay time extrapolated from the slope after the clip's last loud frame.

    The envelope (10 ms RMS frames, dB) is fitted by a line from the last frame within 10 dB of
    the peak down to 40 dB below the peak (or the end). A dry clip falls fast (tens of ms); a
    clip recorded in a room rings on with a slow, straight decay.
    """
    db = frame_db(x, rate)
    peak = db.max()
    last_loud = np.nonzero(db > peak - 10)[0][-1]
    tail = db[last_loud:]
    below = np.nonzero(tail < peak - 40)[0]
    if len(below) > 0:
        tail = tail[:below[0] + 1]
    if len(tail) < 3:
        return round(len(tail) * FRAME_S, 3)
    t = np.arange(len(tail)) * FRAME_S
    slope = np.polyfit(t, tail, 1)[0]
    if slope >= -1e-6:
        return 99.0
    return round(min(99.0, 60.0 / -slope), 3)


def remove_dc(x, rate):
    """Zero-phase 2nd-order Butterworth high-pass at DC_CUTOFF_HZ, run forwards and backwards."""
    sos = signal.butter(2, DC_CUTOFF_HZ, btype="highpass", fs=rate, output="sos")
    return signal.sosfiltfilt(sos, x)


def zero_mean(x, envelope):
    """Removes what is left of the mean in the shape of the fade envelope, so the ends stay at zero."""
    return x - (x.sum() / envelope.sum()) * envelope


def fade_out_seconds(cut):
    return 0.15 if cut else 0.03


def finish(x, rate, family):
    x = remove_dc(x, rate)
    x = trim_silence(x, rate)
    limit = int(MAX_SECONDS[family] * rate)
    cut = len(x) > limit
    x = x[:limit]
    x = fade(x, rate, fade_out_s=fade_out_seconds(cut))
    x = zero_mean(x, fade(np.ones(len(x)), rate, fade_out_s=fade_out_seconds(cut)))
    return normalise(x, rate)


def write_wav(path, x, rate):
    path.parent.mkdir(parents=True, exist_ok=True)
    pcm = np.clip(np.round(x * 32767), -32768, 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())


# ---------------------------------------------------------------- licences (DEP-5 copyright files)

def parse_dep5(path):
    stanzas, current, key = [], {}, None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines() + [""]:
        if not line.strip():
            if current:
                stanzas.append(current)
            current, key = {}, None
        elif line[0] in " \t" and key:
            current[key] += "\n" + line.strip()
        elif ":" in line:
            key, value = line.split(":", 1)
            current[key] = value.strip()
    return [s for s in stanzas if "Files" in s]


def matches(installed, pattern):
    if pattern == "*":
        return True
    candidates = [pattern]
    parts = pattern.split("/")
    if len(parts) > 2:   # source trees put files under a folder the package drops (etc/, mtg/, data/)
        candidates.append("/".join(parts[1:]))
    return any(fnmatch.fnmatch(installed, "*/" + c) for c in candidates)


def licence_for(copyright_file, installed, source_path=None):
    """The last matching Files stanza wins, as DEP-5 says.

    Stanzas name paths in the source tree; the installed path is matched loosely unless the
    source path is given (sources.tsv's optional fifth column), which is matched exactly.
    """
    best = None
    for stanza in parse_dep5(copyright_file):
        hit = (lambda p: fnmatch.fnmatch(source_path, p)) if source_path else (lambda p: matches(installed, p))
        if any(hit(p) for p in stanza["Files"].split()):
            best = stanza
    if best is None:
        raise SystemExit(f"{copyright_file}: no Files stanza covers {installed}")
    licence = best["License"].split("\n")[0].strip()
    licence = {"CC0": "CC0-1.0", "CC-BY-SA-3": "CC-BY-SA-3.0", "public-domain": "public-domain"}.get(licence, licence)
    holder = " ".join(best.get("Copyright", "").split())
    source = best.get("Source", "").strip()
    return licence, holder + (f" ({source})" if source else "")


# ---------------------------------------------------------------- the three families

class Builder:
    def __init__(self, root, out, versions):
        self.root, self.out, self.versions = root, out, versions
        self.clips, self.dropped = [], []
        self.counters = {}

    def copyright(self, package):
        return self.root / "usr/share/doc" / package / "copyright"

    def next_name(self, folder, stem):
        n = self.counters.get((folder, stem), 0) + 1
        self.counters[(folder, stem)] = n
        return f"{folder}/{stem}_{n:02d}.wav"

    def add(self, file, x, rate, cls, family, package, original, licence, attribution,
            transcript=None, synthetic=False, language=None):
        decay = decay_seconds(x, rate)
        if family == "environmental" and cls not in SLOW_BY_NATURE and decay > MAX_ENV_DECAY_S:
            self.dropped.append((file, original, decay))
            return
        write_wav(self.out / file, x, rate)
        self.clips.append({
            "file": file, "class": cls, "family": family, "package": package,
            "packageVersion": self.versions[package], "originalPath": original,
            "licence": licence, "attribution": attribution,
            "duration": round(len(x) / rate, 3), "sampleRate": rate,
            "loudnessDb": round(float(active_rms_db(x, rate)), 1), "transcript": transcript,
            "synthetic": synthetic, "language": language, "decaySeconds": decay})

    def from_table(self, table, families):
        for line in table.read_text().splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cls, package, original, how, *source_path = line.split("\t")
            family = families[cls]
            rate = ENV_RATE if family == "environmental" else MUSIC_RATE
            x = self.cut(original, how, rate)
            licence, holder = licence_for(self.copyright(package), original, source_path[0] if source_path else None)
            attribution = f"{holder}; from Debian package {package}"
            folder = "env" if family == "environmental" else "music"
            self.add(self.next_name(folder, cls), finish(x, rate, family), rate, cls, family, package,
                     original, licence, attribution)

    def cut(self, original, how, rate):
        path = self.root / original.lstrip("/")
        if how == "whole":
            return decode_sox(path, rate)
        kind, _, args = how.partition(":")
        if kind == "seg":
            start, seconds = (float(v) for v in args.split(":"))
            x = decode_sox(path, rate)
            return x[int(start * rate):int((start + seconds) * rate)]
        if kind == "steps":   # a walk: single footstep recordings laid out at a steady pace
            interval, names = args.split(":", 1)
            steps = [decode_sox(path.parent / name, rate) for name in names.split(",")]
            hop = int(float(interval) * rate)
            walk = np.zeros(hop * (len(steps) - 1) + max(len(s) for s in steps))
            for k, s in enumerate(steps):
                walk[k * hop:k * hop + len(s)] += s
            return walk
        raise SystemExit(f"{original}: unknown cut '{how}'")

    def speech(self):
        for audio_pkg, text_pkg, folder, lang, cls, speaker in SPEAKERS:
            transcripts = read_transcripts(self.root / "usr/share/doc" / text_pkg / f"core-sounds-{lang}.txt.gz", lang)
            sound_dir = self.root / "usr/share/asterisk/sounds" / folder
            usable = sorted(name for name, text in transcripts.items()
                            if (sound_dir / f"{name}.g722").is_file() and is_sentence(text))
            step = max(1, len(usable) // SPEECH_PER_SPEAKER)
            licence, holder = licence_for(self.copyright(audio_pkg), f"/{lang}-g722/{folder}")
            picked = 0
            for name in usable[::step]:
                x = trim_silence(decode_g722(sound_dir / f"{name}.g722", SPEECH_RATE), SPEECH_RATE)
                if len(x) > MAX_SECONDS["speech"] * SPEECH_RATE or picked == SPEECH_PER_SPEAKER:
                    continue   # never cut a prompt: its transcript must stay true
                picked += 1
                x = finish(x, SPEECH_RATE, "speech")
                self.add(f"speech/{lang}_{speaker.split()[0].lower()}_{name}.wav", x, SPEECH_RATE, cls, "speech",
                         audio_pkg, f"/usr/share/asterisk/sounds/{folder}/{name}.g722", licence,
                         f"{speaker}, Asterisk core sounds ({holder}); from Debian package {audio_pkg}",
                         transcript=transcripts[name], language=lang)

    def synthetic_speech(self, work):
        for k, sentence in enumerate(HARVARD):
            voice = FLITE_VOICES[k % len(FLITE_VOICES)]
            tmp = work / f"flite_{k}.wav"
            subprocess.run(["flite", "-voice", voice, "-t", sentence, "-o", str(tmp)], check=True)
            x = finish(decode_sox(tmp, SPEECH_RATE), SPEECH_RATE, "speech")
            self.add(f"speech/en_flite_{voice}_{k + 1:02d}.wav", x, SPEECH_RATE, "male_speech", "speech", "flite",
                     f"flite -voice {voice} (IEEE Harvard sentence list {k // 10 + 1}, no. {k % 10 + 1})",
                     "public-domain",
                     f"Synthesised with flite's '{voice}' voice (CMU, BSD-style licence); IEEE 1969 Harvard "
                     f"sentence", transcript=sentence, synthetic=True, language="en")

    def gervill(self, renders):
        licence, holder = licence_for(self.copyright("csound-soundfont"), "/samples/sf_GMbank.sf2")
        for src in sorted(renders.glob("gervill_*_s*.wav")):
            family, seed = re.match(r"gervill_(\w+)_s(\d+)\.wav", src.name).groups()
            x = finish(decode_sox(src, MUSIC_RATE), MUSIC_RATE, "music")
            self.add(f"music/gervill_{family}_s{seed}.wav", x, MUSIC_RATE, family, "music", "csound-soundfont",
                     "/usr/share/sounds/sf2/sf_GMbank.sf2", licence,
                     f"Rendered by NotMono's Gervill music generator (seed {seed}) with sf_GMbank.sf2 "
                     f"({holder}); from Debian package csound-soundfont", synthetic=True)


def is_sentence(text):
    """A whole spoken sentence: no bracketed description of a tone, no fragment of a longer prompt."""
    return 20 <= len(text) <= 110 and text[0].isupper() and text[-1] in ".?!" and "..." not in text


# The Italian transcript file lost some accented letters to '?'; these are the words it hits.
ITALIAN_REPAIRS = [(r"\bpu\?", "può"), (r"\bcos\?", "così"), (r"\bsar\?", "sarà"), (r"\bgi\?", "già"),
                   (r"\bpi\?", "più"), (r"\bperch\?", "perché"), (r"\bc'\?", "c'è"), (r"(?<=\s)\?(?=\s)", "è")]


def repair(text):
    for pattern, word in ITALIAN_REPAIRS:
        text = re.sub(pattern, word, text)
    return text


def read_transcripts(path, lang):
    out = {}
    with gzip.open(path, "rt", encoding="utf-8-sig", errors="replace") as f:
        for line in f:
            m = re.match(r"^([\w\-/]+):\s*(.+)$", line.strip())
            if m and "/" not in m.group(1):
                text = " ".join(m.group(2).split())
                if lang == "it":
                    text = repair(text)
                    if re.search(r"\?(?=\s*\w)", text):   # a '?' left mid-sentence is a letter we cannot restore
                        continue
                out[m.group(1)] = text
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--root", type=Path, required=True, help="folder the .deb files were unpacked into")
    p.add_argument("--debs", type=Path, required=True, help="folder holding the .deb files")
    p.add_argument("--renders", type=Path, required=True, help="folder with the raw Gervill renders")
    p.add_argument("--work", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True, help="the assets/ folder")
    a = p.parse_args()

    versions = {subprocess.run(["dpkg-deb", "-f", str(d), "Package"], capture_output=True, text=True).stdout.strip():
                subprocess.run(["dpkg-deb", "-f", str(d), "Version"], capture_output=True, text=True).stdout.strip()
                for d in sorted(a.debs.glob("*.deb"))}
    versions["flite"] = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "flite"],
                                       capture_output=True, text=True).stdout.strip()
    classes = json.loads((a.out / "classes.json").read_text())["classes"]
    families = {c["id"]: c["family"] for c in classes}

    b = Builder(a.root, a.out, versions)
    b.from_table(Path(__file__).with_name("sources.tsv"), families)
    b.speech()
    b.synthetic_speech(a.work)
    b.gervill(a.renders)

    unknown = {c["class"] for c in b.clips} - set(families)
    if unknown:
        sys.exit(f"classes missing from classes.json: {sorted(unknown)}")
    b.clips.sort(key=lambda c: c["file"])
    manifest = {"format": "notmono.assets/1", "clips": b.clips}
    (a.out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    with open(Path(__file__).with_name("decay-report.tsv"), "w") as r:
        r.write("file\tclass\tdecaySeconds\tkept\toriginalPath\n")
        for c in b.clips:
            r.write(f"{c['file']}\t{c['class']}\t{c['decaySeconds']}\tyes\t{c['originalPath']}\n")
        for file, original, decay in b.dropped:
            r.write(f"{file}\t-\t{decay}\tno (room tail)\t{original}\n")
    print(f"{len(b.clips)} clips written, {len(b.dropped)} dropped for a room tail")


if __name__ == "__main__":
    main()
