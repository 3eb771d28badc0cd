#!/usr/bin/env bash
# Build the Linux one-folder bundle and its .tar.gz archive, then smoke-test the bundle.
#
#   packaging/build.sh                # build, archive, smoke-test
#   packaging/build.sh --skip-build   # smoke-test the bundle already in dist/
#
# Environment: PYTHON (default: .venv/bin/python if present, else python3) must have
# the project and PyInstaller installed (pip install -e '.[packaging]').
# Every step checks its result; the script exits non-zero on the first failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
SKIP_BUILD=0
# PyInstaller's cache, per checkout: --clean empties it, and the user's one is shared by
# every checkout of the machine (two builds at once corrupted it).
export PYINSTALLER_CONFIG_DIR="$ROOT/build/pyinstaller-cache"
[[ "${1:-}" == "--skip-build" ]] && SKIP_BUILD=1

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

read -r NAME VERSION < <("$PYTHON" - <<'EOF'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
print(project["name"], project["version"])
EOF
)
BUNDLE="$ROOT/dist/$NAME"
ARCHIVE="$ROOT/dist/$NAME-$VERSION-linux-$(uname -m).tar.gz"
GUI="$BUNDLE/$NAME"
CLI="$BUNDLE/evalir"

# -- build -------------------------------------------------------------------------------
if [[ $SKIP_BUILD == 0 ]]; then
    step "build $NAME $VERSION with PyInstaller"
    start=$(date +%s)
    "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/evalir.spec \
        || fail "PyInstaller failed"
    echo "build time: $(($(date +%s) - start)) s"
    step "archive"
    # desktop integration files travel with the bundle (see packaging/README.md)
    mkdir -p "$BUNDLE/linux"
    cp packaging/linux/* resources/icons/evalir.svg "$BUNDLE/linux/" || fail "no linux/ files"
    rm -f "$ARCHIVE"
    tar -C "$ROOT/dist" -czf "$ARCHIVE" "$NAME" || fail "could not write $ARCHIVE"
fi
[[ -x "$GUI" ]] || fail "GUI executable missing: $GUI"
[[ -x "$CLI" ]] || fail "CLI executable missing: $CLI"
[[ -f "$ARCHIVE" ]] || fail "archive missing: $ARCHIVE"
tar -tzf "$ARCHIVE" "$NAME/$NAME" "$NAME/evalir" "$NAME/linux/evalir-desktop.desktop" \
    "$NAME/linux/evalir-mime.xml" "$NAME/linux/evalir.svg" >/dev/null \
    || fail "archive lacks the executables or the desktop files"
echo "bundle size: $(du -sb "$BUNDLE" | cut -f1) bytes ($(du -sh "$BUNDLE" | cut -f1))"
echo "archive size: $(stat -c %s "$ARCHIVE") bytes"
for required in \
    _internal/resources/icons/evalir.svg \
    _internal/resources/licences/components.toml \
    _internal/resources/fonts/DejaVuSans.ttf \
    _internal/PySide6/Qt/translations/qtbase_fr.qm \
    _internal/PySide6/Qt/plugins/platforms/libqxcb.so; do
    [[ -e "$BUNDLE/$required" ]] || fail "missing from the bundle: $required"
done

# -- smoke tests: the unpacked archive, in a throw-away home -------------------------------
WORK="$(mktemp -d)"
GUI_PID=""
cleanup() {
    if [[ -n "$GUI_PID" ]] && kill -0 "$GUI_PID" 2>/dev/null; then kill "$GUI_PID"; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
# Unpack where nothing of the build tree is reachable, under names with spaces and accents.
INSTALL="$WORK/Logiciels installés"
mkdir -p "$INSTALL"
tar -C "$INSTALL" -xzf "$ARCHIVE" || fail "could not unpack $ARCHIVE"
GUI="$INSTALL/$NAME/$NAME"
CLI="$INSTALL/$NAME/evalir"
[[ -L "$CLI" ]] || fail "evalir is not a symbolic link in the archive"
export HOME="$WORK/Hélène Dupré" XDG_RUNTIME_DIR="$WORK/runtime"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY PYTHONPATH PYTHONHOME
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
LOG="$XDG_DATA_HOME/EVALIR/EVALIR Desktop/logs/evalir-desktop.log"

# Start the GUI with the given arguments; once it has logged its start (allowing for a
# slow, busy machine), check it is still up 3 s later, then stop it.
gui_stays_up() {
    local label="$1"; shift
    local before=0 waited=0
    [[ -f "$LOG" ]] && before=$(grep -c "EVALIR Desktop .* starting" "$LOG" || true)
    "$GUI" "$@" >"$WORK/gui-$label.out" 2>&1 &
    GUI_PID=$!
    until [[ -f "$LOG" ]] && (( $(grep -c "EVALIR Desktop .* starting" "$LOG" || true) > before )); do
        if ! kill -0 "$GUI_PID" 2>/dev/null; then
            cat "$WORK/gui-$label.out" >&2
            fail "GUI ($label) exited before logging its start"
        fi
        (( waited++ < 600 )) || fail "GUI ($label) did not log its start within 60 s"
        sleep 0.1
    done
    sleep 3
    if ! kill -0 "$GUI_PID" 2>/dev/null; then
        cat "$WORK/gui-$label.out" >&2
        fail "GUI ($label) exited within 3 s of starting"
    fi
    kill "$GUI_PID"
    wait "$GUI_PID" 2>/dev/null || true
    GUI_PID=""
    if grep -E -q "Traceback|Error|Cannot load|Could not" "$WORK/gui-$label.out"; then
        cat "$WORK/gui-$label.out" >&2
        fail "GUI ($label) printed errors"
    fi
    if grep -E -q " (ERROR|CRITICAL) |WARNING evalir:|Traceback" "$LOG"; then
        cat "$LOG" >&2
        fail "GUI ($label) logged errors"
    fi
    echo "ok: GUI ($label) started and stayed up 3 s"
}

step "GUI, first start: creates the default file"
gui_stays_up first-start
DEFAULT_FILE="$HOME/Documents/EVALIR/evaluations-ia.evalir"
[[ -f "$DEFAULT_FILE" ]] || fail "GUI did not create $DEFAULT_FILE"
"$CLI" check "$DEFAULT_FILE" >/dev/null || fail "the GUI's default file does not pass evalir check"

step "GUI: installation self-check (French Qt texts, images, printing, PDF preview)"
"$GUI" --verifier-installation >"$WORK/verification.txt" 2>&1 \
    || { cat "$WORK/verification.txt" >&2; fail "evalir-desktop --verifier-installation failed"; }
grep "^ok : " "$WORK/verification.txt"
grep -q "^Installation vérifiée.$" "$WORK/verification.txt" || fail "self-check did not complete"

step "CLI: version, init, check"
"$CLI" --version | grep -q "$VERSION" || fail "evalir --version does not print $VERSION"
TOWN="$WORK/Mairie de Saint-Étienne/évaluations IA.evalir"
mkdir -p "$(dirname "$TOWN")"
"$CLI" init "$TOWN" --nom "Saint-Étienne-de-Tinée" --insee 06120 --population 4800 \
    || fail "evalir init failed"
[[ -f "$TOWN" ]] || fail "evalir init wrote no file"
"$CLI" check "$TOWN" || fail "evalir check refused the new file"

step "GUI: opens a file given as argument (double click)"
gui_stays_up open-file "$TOWN"

step "CLI: new assessment from a template, evaluate"
TEMPLATE="$("$CLI" content --json | "$PYTHON" -c \
    'import json, sys; print(json.load(sys.stdin)["templates"][0]["id"])')" \
    || fail "evalir content --json gives no template"
ASSESSMENT="$("$CLI" new "$TOWN" --titre "Agent conversationnel de l'accueil" \
    --modele "$TEMPLATE")" || fail "evalir new --modele $TEMPLATE failed"
[[ "$ASSESSMENT" =~ ^[0-9a-f-]{36}$ ]] || fail "evalir new printed no assessment id: $ASSESSMENT"
"$CLI" evaluate "$TOWN" --assessment "$ASSESSMENT" --json >"$WORK/evaluation.json" \
    || fail "evalir evaluate failed"
"$PYTHON" - "$WORK/evaluation.json" <<'EOF_PY' || fail "evalir evaluate --json: unexpected result"
import json, sys
result = json.load(open(sys.argv[1], encoding="utf-8"))
assert result["axes"] and result["content_version"], result
assert any(item["reference"] for item in result["obligations"]), result["obligations"]
print(f"ok: {len(result['obligations'])} obligations found, {len(result['axes'])} axes")
EOF_PY

is_pdf() {
    head -c 5 "$1" | grep -q "%PDF-" || fail "$1 is not a PDF"
    tail -c 1024 "$1" | grep -q "%%EOF" || fail "$1 is a truncated PDF"
    echo "ok: $(basename "$1"), $(stat -c %s "$1") bytes"
}

step "CLI: full PDF report"
"$CLI" report "$TOWN" --assessment "$ASSESSMENT" -o "$WORK/rapport.pdf" \
    || fail "evalir report failed"
is_pdf "$WORK/rapport.pdf"

step "CLI: editable documents (ODT with odfpy, DOCX with python-docx and lxml)"
for fmt in odt docx; do
    "$CLI" report "$TOWN" --assessment "$ASSESSMENT" --format "$fmt" -o "$WORK/rapport.$fmt" \
        || fail "evalir report --format $fmt failed"
    head -c 2 "$WORK/rapport.$fmt" | grep -q "PK" || fail "rapport.$fmt is not a zip package"
    echo "ok: rapport.$fmt, $(stat -c %s "$WORK/rapport.$fmt") bytes"
done

step "CLI: copy for the intercommunality, consolidation, territory report"
mkdir -p "$WORK/envoi"
"$CLI" share "$TOWN" -o "$WORK/envoi" --anonymiser || fail "evalir share failed"
"$CLI" consolidate "$WORK/envoi" -o "$WORK/territoire.evalir" --json >"$WORK/consolidation.json" \
    || fail "evalir consolidate failed"
"$PYTHON" - "$WORK/consolidation.json" <<'EOF_PY' || fail "evalir consolidate imported nothing"
import json, sys
result = json.load(open(sys.argv[1], encoding="utf-8"))
assert [item["status"] for item in result["files"]] == ["imported"], result
print("ok: 1 town file imported")
EOF_PY
"$CLI" report "$WORK/territoire.evalir" --territoire -o "$WORK/territoire.pdf" \
    || fail "evalir report --territoire failed"
is_pdf "$WORK/territoire.pdf"

echo "== all smoke tests passed"
