#!/usr/bin/env bash
# Installs the jmp Jupyter kernel ("Java (jmp)"). Builds it first when needed.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: install/install.sh [--user | --sys-prefix | --prefix DIR] [--java-opts "OPTS"]
                          [--uninstall] [--rebuild] [--run-first-notebook]

Installs the kernelspec "jmp" (display name "Java (jmp)").
  --user                 install for the current user (default; honours JUPYTER_DATA_DIR)
  --sys-prefix           install into the Python environment of jupyter (sys.prefix/share/jupyter)
  --prefix DIR           install into DIR/share/jupyter/kernels/jmp
  --java-opts "OPTS"     JVM options written to kernel.json (e.g. "-Xmx8g"); JMP_JAVA_OPTS in
                         your environment adds more at kernel start
  --uninstall            remove the kernelspec from the chosen location
  --rebuild              rebuild the jars even if they look up to date
  --run-first-notebook   after installing, execute notebooks/00-*.ipynb with nbconvert
Environment: JAVA_HOME or JMP_JAVA (the JDK to use), JUPYTER (the jupyter command).
USAGE
}

mode=user
prefix=""
uninstall=false
rebuild=false
run_first=false
java_opts=""
while [ $# -gt 0 ]; do
  case "$1" in
    --user) mode=user ;;
    --sys-prefix) mode=sys-prefix ;;
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a directory" >&2; exit 2; }
              mode=prefix; prefix="$2"; shift ;;
    --prefix=*) mode=prefix; prefix="${1#--prefix=}" ;;
    --java-opts) [ $# -ge 2 ] || { echo "install.sh: --java-opts needs a value" >&2; exit 2; }
                 java_opts="$2"; shift ;;
    --java-opts=*) java_opts="${1#--java-opts=}" ;;
    --uninstall) uninstall=true ;;
    --rebuild) rebuild=true ;;
    --run-first-notebook) run_first=true ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (see install/install.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
name=jmp

# --- Jupyter -----------------------------------------------------------------------------
jupyter="${JUPYTER:-}"
if [ -z "$jupyter" ]; then
  if command -v jupyter >/dev/null 2>&1 && jupyter kernelspec --version >/dev/null 2>&1; then
    jupyter="$(command -v jupyter)"
  elif [ -x /usr/bin/jupyter ]; then
    jupyter=/usr/bin/jupyter
  else
    echo "install.sh: jupyter not found. Install Jupyter (e.g. apt-get install jupyter-client jupyter-nbconvert) or set JUPYTER=/path/to/jupyter." >&2
    exit 1
  fi
fi

# --- Where ------------------------------------------------------------------------------
case "$mode" in
  user) data_dir="${JUPYTER_DATA_DIR:-$("$jupyter" --data-dir)}" ;;
  sys-prefix)
    python="$(sed -n '1s/^#! *//p' "$(command -v "$jupyter")" | awk '{print $1}')"
    [ -n "$python" ] || python=python3
    data_dir="$("$python" -c 'import sys; print(sys.prefix)')/share/jupyter" ;;
  prefix) data_dir="$(mkdir -p "$prefix" && cd "$prefix" && pwd)/share/jupyter" ;;
esac
dest="$data_dir/kernels/$name"

if $uninstall; then
  if [ -d "$dest" ]; then
    rm -rf "$dest"
    echo "Removed the jmp kernel from $dest"
  else
    echo "The jmp kernel is not installed in $dest (nothing to remove)."
  fi
  exit 0
fi

# --- Java: a JDK 17+ with jdk.jshell --------------------------------------------------
java="${JMP_JAVA:-}"
if [ -z "$java" ] && [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; fi
if [ -z "$java" ]; then java="$(command -v java || true)"; fi
if [ -z "$java" ] || ! [ -x "$java" ]; then
  echo "install.sh: no java found. Install a JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless) or set JAVA_HOME." >&2
  exit 1
fi
java="$(readlink -f "$java")"
settings="$("$java" -XshowSettings:properties -version 2>&1 || true)"
version="$(printf '%s\n' "$settings" | sed -n 's/^ *java.specification.version = //p')"
full_version="$(printf '%s\n' "$settings" | sed -n 's/^ *java.runtime.version = //p')"
if [ -z "$version" ] || ! [ "${version%%.*}" -ge 17 ] 2>/dev/null; then
  echo "install.sh: $java is Java ${full_version:-${version:-of unknown version}}; jmp needs Java 17 or later (17, 21 and 25 are supported): set JAVA_HOME to one." >&2
  exit 1
fi
echo "Using Java ${full_version:-$version} at $java"
if ! "$java" --list-modules 2>/dev/null | grep -q '^jdk\.jshell@'; then
  echo "install.sh: $java has no jdk.jshell module (a JRE?); jmp needs a JDK 17+, e.g. apt-get install openjdk-17-jdk-headless." >&2
  exit 1
fi

# --- Build when needed ------------------------------------------------------------------
lib="$repo/install/target/jmp/lib"
kernel_jar="$(ls "$lib"/jmp-kernel-*.jar 2>/dev/null | head -1 || true)"
stale=""
if [ -n "$kernel_jar" ]; then
  stale="$(find "$repo/pom.xml" "$repo"/*/pom.xml "$repo"/runtime/src/main "$repo"/magics/src/main "$repo"/kernel/src/main \
           -newer "$kernel_jar" -type f -print -quit 2>/dev/null || true)"
fi
if $rebuild || [ -z "$kernel_jar" ] || [ -n "$stale" ]; then
  if [ -n "${JMP_INSTALL_NO_BUILD:-}" ]; then
    echo "install.sh: the jars in $lib are missing or older than the sources, and JMP_INSTALL_NO_BUILD is set" >&2
    exit 1
  fi
  command -v mvn >/dev/null 2>&1 || { echo "install.sh: mvn (Maven) is needed to build jmp; apt-get install maven" >&2; exit 1; }
  echo "Building jmp (mvn package, tests neither compiled nor run) ..."
  # Plain text: -B and style.color turn Maven's colours off, and jansi.noreset stops the reset
  # codes (ESC[0m) that Debian's Maven 3.8 prints even in batch mode.
  (cd "$repo" && JAVA_HOME="$(dirname "$(dirname "$java")")" MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" \
     mvn -q -B -ntp -Dstyle.color=never -Dmaven.test.skip=true package)
  kernel_jar="$(ls "$lib"/jmp-kernel-*.jar 2>/dev/null | head -1 || true)"
  [ -n "$kernel_jar" ] || { echo "install.sh: the build did not produce $lib/jmp-kernel-*.jar" >&2; exit 1; }
fi

# --- Install ------------------------------------------------------------------------------
mkdir -p "$data_dir/kernels"
staging="$(mktemp -d "$data_dir/kernels/.jmp-install.XXXXXX")"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/lib"
cp "$lib"/*.jar "$staging/lib/"
cp "$repo/install/kernelspec/jmp-kernel" "$repo"/install/kernelspec/logo-*.png "$staging/"
chmod +x "$staging/jmp-kernel"
json_escape() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }
cat > "$staging/kernel.json" <<JSON
{
  "argv": ["$(json_escape "$dest/jmp-kernel")", "{connection_file}"],
  "display_name": "Java (jmp)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {
    "JMP_JAVA": "$(json_escape "$java")",
    "JMP_KERNEL_JAVA_OPTS": "$(json_escape "$java_opts")"
  },
  "metadata": {"debugger": false}
}
JSON
rm -rf "$dest"
mv "$staging" "$dest"
trap - EXIT

echo "Installed the jmp kernel \"Java (jmp)\" in $dest"
echo "  Java: $java"
echo "Start JupyterLab with:   jupyter lab        (then pick \"Java (jmp)\")"
echo "or a console with:       jupyter console --kernel=jmp"

if $run_first; then
  out="$(mktemp -d)"
  for nb in "$repo"/notebooks/00-*.ipynb; do
    echo "Executing $nb ..."
    "$jupyter" nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name="$name" \
      --ExecutePreprocessor.timeout=300 --output-dir "$out" "$nb"
  done
  echo "Executed notebooks are in $out"
fi
