#!/usr/bin/env bash
# Rebuilds the dry-source library in assets/ from Debian packages (bookworm main):
# env/, speech/, music/ clips, manifest.json, hrtf/, soundfont/ and LICENSES/.
# classes.json and build/sources.tsv are written by hand; this script reads them.
#
# Needs: apt-get (packages are fetched with `apt-get download`, unpacked with `dpkg -x`),
# sox with its ogg/flac handlers, ffmpeg (G.722 prompts), flite (synthetic male English),
# python3 with numpy and scipy, and a JDK 25 (found by ./mvnw) for the Gervill renders.
# Missing tools are installed with apt-get when run as root; otherwise the script says which.
# Usage: assets/build/rebuild-assets.sh   (from anywhere; takes a few minutes, ~450 MB download)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ASSETS=$(dirname "$HERE")
REPO=$(dirname "$ASSETS")
PACKAGES=(minetest-data minetest-mod-homedecor sonic-pi-samples sound-theme-freedesktop qabcs-data
          lmms-common frozen-bubble-data tuxpaint-stamps-default hedgewars-data libmysofa1 csound-soundfont
          asterisk-core-sounds-en asterisk-core-sounds-en-g722 asterisk-core-sounds-it asterisk-core-sounds-it-g722)
GERVILL_SECONDS=4.0
GERVILL_SEEDS=(1)

need_tools() {
  local missing=()
  command -v sox >/dev/null || missing+=(sox libsox-fmt-all)
  command -v ffmpeg >/dev/null || missing+=(ffmpeg)
  command -v flite >/dev/null || missing+=(flite)
  command -v python3 >/dev/null && python3 -c 'import numpy, scipy' 2>/dev/null || missing+=(python3 python3-numpy python3-scipy)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "missing tools; install them first: apt-get install ${missing[*]}" >&2
      exit 1
    fi
    echo "installing ${missing[*]}"
    apt-get install -y -q "${missing[@]}" >/dev/null
  fi
  sox -h 2>/dev/null | grep -q 'vorbis' || { echo "sox cannot read ogg: apt-get install libsox-fmt-all" >&2; exit 1; }
}

need_tools
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/debs" "$WORK/root" "$WORK/renders" "$WORK/tmp"

echo "downloading ${#PACKAGES[@]} Debian packages"
(cd "$WORK/debs" && apt-get download "${PACKAGES[@]}" >/dev/null 2>&1) \
  || { echo "apt-get download failed (run 'apt-get update' first?)" >&2; exit 1; }
for deb in "$WORK"/debs/*.deb; do dpkg -x "$deb" "$WORK/root"; done

echo "copying the soundfont, the HRTF set and the copyright files"
rm -rf "$ASSETS/soundfont" "$ASSETS/hrtf" "$ASSETS/LICENSES" "$ASSETS/env" "$ASSETS/speech" "$ASSETS/music"
mkdir -p "$ASSETS/soundfont" "$ASSETS/hrtf" "$ASSETS/LICENSES"
cp "$WORK/root/usr/share/sounds/sf2/sf_GMbank.sf2" "$ASSETS/soundfont/"
cp -L "$WORK/root/usr/share/libmysofa/MIT_KEMAR_normal_pinna.sofa" "$ASSETS/hrtf/"
for p in "${PACKAGES[@]}" flite; do
  src="$WORK/root/usr/share/doc/$p/copyright"
  [ "$p" = flite ] && src=/usr/share/doc/flite/copyright
  cp "$src" "$ASSETS/LICENSES/$p.copyright"
done

echo "rendering Gervill music"
(cd "$REPO" && ./mvnw -q -pl sim-editor -am compile)
. "$REPO/.mvn/jdk.sh"; notmono_find_jdk
"$JAVA_HOME/bin/java" --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED \
  -Djava.util.prefs.userRoot="$WORK/prefs" -cp "$REPO/sim-editor/target/classes" \
  org.notmono.sim.sources.music.RenderMusicClips "$ASSETS/soundfont/sf_GMbank.sf2" "$WORK/renders" \
  "$GERVILL_SECONDS" 44100 "${GERVILL_SEEDS[@]}" >/dev/null

echo "processing clips"
python3 "$HERE/process.py" --root "$WORK/root" --debs "$WORK/debs" --renders "$WORK/renders" \
  --work "$WORK/tmp" --out "$ASSETS"
du -sh "$ASSETS"/{env,speech,music,hrtf,soundfont,LICENSES} "$ASSETS/manifest.json"
