# Shared by infra/up and infra/down; sourced, never run on its own.
# shellcheck shell=bash

SHOP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="$SHOP_ROOT/.run"
LOG_DIR="$RUN_DIR/logs"
VERSION="0.1.0-SNAPSHOT"

# Start order matters only for readability: infra/up declares the whole topology before any starts.
ALL_SERVICES=(order-service inventory-service payment-service shipping-service gateway)

say() { printf '%s\n' "$*"; }
warn() { printf '%s\n' "$*" >&2; }
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

service_port() {
    case "$1" in
        gateway) echo 8080 ;;
        order-service) echo 8081 ;;
        inventory-service) echo 8082 ;;
        payment-service) echo 8083 ;;
        shipping-service) echo 8084 ;;
        *) return 1 ;;
    esac
}

service_database() {
    case "$1" in
        gateway) echo shop_gateway ;;
        order-service) echo shop_order ;;
        inventory-service) echo shop_inventory ;;
        payment-service) echo shop_payment ;;
        shipping-service) echo shop_shipping ;;
        *) return 1 ;;
    esac
}

service_jar() { echo "$SHOP_ROOT/$1/target/$1-$VERSION.jar"; }
# The extracted copy a service runs from: a rebuild replaces the jar in target/, and a JVM whose
# jar changed under it fails to load classes it has not loaded yet (seen at shutdown). The
# extracted form (the application jar and lib/) is also the one an AOT cache works with.
app_dir() { echo "$RUN_DIR/app/$1"; }
running_jar() { echo "$(app_dir "$1")/$1-$VERSION.jar"; }
# The AOT cache of a service (JDK 25 and newer), written by infra/aot-train.
aot_cache() { echo "$RUN_DIR/aot/$1.aot"; }
# What a cache was made from: the service jar's checksum and the JVM's version.
aot_stamp() { echo "$(aot_cache "$1").source"; }
pid_file() { echo "$RUN_DIR/$1.pid"; }
log_file() { echo "$LOG_DIR/$1.log"; }

# Fills the global array SERVICES from the arguments (all services when there are none),
# rejecting names it does not know.
select_services() {
    SERVICES=()
    if [ "$#" -eq 0 ]; then
        SERVICES=("${ALL_SERVICES[@]}")
        return
    fi
    local name
    for name in "$@"; do
        service_port "$name" > /dev/null || die "unknown service '$name' (known: ${ALL_SERVICES[*]})"
        SERVICES+=("$name")
    done
}

# Prints the pid of the service when its pid file names a live process that runs this
# service's jar; a pid reused by an unrelated process does not count.
running_pid() {
    local file pid
    file="$(pid_file "$1")"
    [ -f "$file" ] || return 1
    pid="$(tr -dc '0-9' < "$file")"
    [ -n "$pid" ] || return 1
    kill -0 "$pid" 2> /dev/null || return 1
    if [ -r "/proc/$pid/cmdline" ]; then
        tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -e "$(running_jar "$1")" -e "$(service_jar "$1")" || return 1
    fi
    echo "$pid"
}

# The java that runs the services: SHOP_JAVA_HOME's when set, else the newest JDK 25 or later
# under /usr/lib/jvm (it can use an AOT cache), else the java on the PATH.
service_java() {
    if [ -n "${SHOP_JAVA_HOME:-}" ]; then
        echo "$SHOP_JAVA_HOME/bin/java"
        return
    fi
    local home newest="" newest_major=0 major
    for home in /usr/lib/jvm/*/; do
        [ -x "$home/bin/java" ] && [ -f "$home/release" ] || continue
        major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")"
        if [ -n "$major" ] && [ "$major" -ge 25 ] && [ "$major" -gt "$newest_major" ]; then
            newest="${home%/}/bin/java"
            newest_major="$major"
        fi
    done
    if [ -n "$newest" ]; then echo "$newest"; else command -v java; fi
}

java_major() { # java_major JAVA -> its feature version, e.g. 25
    "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

java_version() { # java_version JAVA -> its full version, e.g. 25.0.1+8-LTS
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.vm.version = //p' | head -n 1
}

is_local_host() {
    case "$1" in
        127.* | localhost | ::1 | "$(hostname)") return 0 ;;
        *) return 1 ;;
    esac
}

# True when something accepts TCP connections on host:port (within 3 s).
port_open() {
    # shellcheck disable=SC2016 # $0 and $1 belong to the inner shell
    timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2> /dev/null
}
