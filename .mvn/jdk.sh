# Sourced by ./mvnw, ./notmono and .ci/run: points JAVA_HOME at a JDK 25 or newer.
# Order: JAVA_HOME when it is 25+, then the newest JDK 25+ under /usr/lib/jvm (or NOTMONO_JVM_DIR).

notmono_java_major() {
  # prints the feature version of the JDK at $1 (e.g. 25), or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

notmono_find_jdk() {
  if [ -n "${JAVA_HOME-}" ]; then
    v=$(notmono_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then return 0; fi
  fi
  best=""; best_v=0
  for d in "${NOTMONO_JVM_DIR:-/usr/lib/jvm}"/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$d" ] || continue
    v=$(notmono_java_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  if [ -z "$best" ]; then
    echo "notmono: no JDK 25 found (JAVA_HOME=${JAVA_HOME:-unset}); install one, e.g. 'apt-get install temurin-25-jdk' or a JDK 25 from adoptium.net, and set JAVA_HOME to it" >&2
    return 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
}
