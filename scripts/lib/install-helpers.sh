# Shared by the scripts/install-*-test-deps.sh scripts (sourced, not run): quiet steps and root for apt.

# Runs a step, showing its output only when it fails (named after the script that sourced this).
quietly() {
    local log status=0
    log="$(mktemp)"
    "$@" >"$log" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        echo "$(basename "$0" .sh): '$*' failed ($status):" >&2
        cat "$log" >&2
    fi
    rm -f "$log"
    return "$status"
}

# Runs a step as root: directly when we are root, else through sudo without a prompt.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    else
        sudo -n "$@"
    fi
}
