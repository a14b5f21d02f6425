# Sourced by ./atlas and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Keeps a JAVA_HOME that already qualifies; else looks under /usr/lib/jvm (and /opt/java) for the newest one.

java_major() {
  "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local default_java best="" best_major=0 candidate major
  default_java=$(command -v java 2>/dev/null || true)
  if [ -n "$default_java" ]; then
    candidate=$(dirname "$(dirname "$(readlink -f "$default_java")")")
    major=$(java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then best=$candidate; best_major=$major; fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ "${major:-0}" -gt "$best_major" ] 2>/dev/null; then best=$candidate; best_major=$major; fi
  done
  if [ "$best_major" -lt 21 ]; then
    echo "error: Refractory Atlas needs a JDK 21 or newer; none was found (set JAVA_HOME)." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}
