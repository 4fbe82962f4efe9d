# Shared shell functions for scripts/run and scripts/test: install PostgreSQL 15 and libpq-dev when
# missing, and start or stop a private cluster. PostgreSQL refuses to run as root, so as root the
# cluster runs as the `postgres` system user (created when missing).

PG_BIN=/usr/lib/postgresql/15/bin

py_log() { printf '==> %s\n' "$*" >&2; }

py_as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else py_log "need root to run: $* (install PostgreSQL 15 and libpq-dev, then retry)"; return 1
    fi
}

# Installs what building and running need with apt-get when any is missing: PostgreSQL 15 server
# binaries, libpq-dev, zlib1g-dev (for ZIPFoundation) and pkg-config (which finds libpq).
py_ensure_packages() {
    if [ -x "$PG_BIN/initdb" ] && [ -f /usr/include/postgresql/libpq-fe.h ] && [ -f /usr/include/zlib.h ] &&
        command -v pkg-config >/dev/null; then return 0; fi
    py_log "installing postgresql-15, libpq-dev, zlib1g-dev and pkg-config with apt-get"
    py_as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive py_as_root apt-get install -y -qq postgresql-15 libpq-dev zlib1g-dev pkg-config >/dev/null
}

# The user that owns and runs the cluster: ourselves, or `postgres` when we are root.
py_pg_user() {
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
        echo postgres
    else
        id -un
    fi
}

# Runs a PostgreSQL binary as the cluster's user.
py_pg() {
    local user; user=$(py_pg_user)
    if [ "$(id -u)" = 0 ]; then (cd / && runuser -u "$user" -- "$@"); else "$@"; fi
}

# py_cluster_start DIR PORT: creates the cluster in DIR when new and starts it on PORT with its
# socket in DIR/run. Durable settings unless PY_FAST=1 (throwaway test clusters); waits
# PY_START_TIMEOUT seconds (60) for it to accept connections.
py_cluster_start() {
    local dir=$1 port=$2 user
    user=$(py_pg_user)
    mkdir -p "$dir/run"
    if [ "$(id -u)" = 0 ]; then chown -R "$user" "$dir"; fi
    if ! py_pg test -w "$dir"; then
        py_log "the user $user cannot write $dir; move the checkout somewhere $user can reach, or set DATABASE_URL"
        return 1
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        py_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
            { cat "$dir/initdb.log" >&2; return 1; }
    fi
    local options="-p $port -k $dir/run -c listen_addresses=localhost -c max_connections=300"
    if [ "${PY_FAST:-0}" = 1 ]; then
        options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    py_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t "${PY_START_TIMEOUT:-60}" -o "$options" start >/dev/null ||
        { tail -n 20 "$dir/postgres.log" >&2; return 1; }
}

py_cluster_stop() {
    local dir=$1
    [ -f "$dir/data/postmaster.pid" ] || return 0
    py_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# Prints a free TCP port on localhost, starting from $1.
py_free_port() {
    local port=$1
    while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    echo "$port"
}

# py_psql DIR PORT SQL: runs one statement as postgres on the cluster of DIR, printing bare values.
py_psql() {
    local dir=$1 port=$2
    py_pg "$PG_BIN/psql" -h "$dir/run" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtAc "$3"
}

# py_cluster_restart DIR: restarts with the options it was started with (postmaster.opts), for
# settings that take effect only at server start (archive_mode, wal_level, max_wal_senders).
py_cluster_restart() {
    local dir=$1
    py_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -m fast -w -t 60 restart >/dev/null ||
        { tail -n 20 "$dir/postgres.log" >&2; return 1; }
}

# py_archive_enable DIR PORT ARCHIVE: continuous WAL archiving of the running cluster of DIR into
# the folder ARCHIVE (ALTER SYSTEM, so it holds across restarts). Turning archive_mode on needs a
# restart, done here once; archive_command and archive_timeout alone are reloaded.
# archive_timeout (PROJECTYEAR_ARCHIVE_TIMEOUT seconds, default 60) closes a segment that holds
# any write at least that often, which bounds the writes lost with the machine (docs/OPERATIONS.md).
py_archive_enable() {
    local dir=$1 port=$2 archive=$3 user timeout=${PROJECTYEAR_ARCHIVE_TIMEOUT:-60}
    user=$(py_pg_user)
    case "$archive" in *"'"* | *" "*) py_log "the archive folder must not contain quotes or spaces: $archive"; return 1 ;; esac
    case "$timeout" in '' | *[!0-9]*) py_log "PROJECTYEAR_ARCHIVE_TIMEOUT must be a whole number of seconds (got $timeout)"; return 1 ;; esac
    if [ "$timeout" -lt 1 ]; then py_log "PROJECTYEAR_ARCHIVE_TIMEOUT must be at least 1 second (got $timeout)"; return 1; fi
    mkdir -p "$archive"
    if [ "$(id -u)" = 0 ]; then chown "$user" "$archive"; fi
    # Never overwrite an archived segment; write under a temporary name so a half copy is never taken for a segment.
    local command="test ! -f $archive/%f && cp %p $archive/%f.part && mv $archive/%f.part $archive/%f"
    py_psql "$dir" "$port" "ALTER SYSTEM SET archive_command = '$command'" >/dev/null
    py_psql "$dir" "$port" "ALTER SYSTEM SET archive_mode = on" >/dev/null
    py_psql "$dir" "$port" "ALTER SYSTEM SET archive_timeout = '${timeout}s'" >/dev/null
    py_psql "$dir" "$port" "SELECT pg_reload_conf()" >/dev/null
    if [ "$(py_psql "$dir" "$port" "SHOW archive_mode")" != on ]; then
        py_log "restarting the cluster in $dir once: archive_mode takes effect only at server start"
        py_cluster_restart "$dir"
    fi
}

# The recovery settings a restore writes into postgresql.auto.conf (scripts/restore).
PY_RECOVERY_SETTINGS="restore_command recovery_target recovery_target_lsn recovery_target_name recovery_target_time
    recovery_target_xid recovery_target_inclusive recovery_target_action recovery_target_timeline"

# py_recovery_reset DIR PORT: removes the recovery settings from postgresql.auto.conf of the running
# cluster of DIR, so that neither it nor a base backup taken of it carries a past restore's target.
py_recovery_reset() {
    local dir=$1 port=$2 setting
    for setting in $PY_RECOVERY_SETTINGS; do
        py_psql "$dir" "$port" "ALTER SYSTEM RESET $setting" >/dev/null
    done
}

# py_replication_enable DIR PORT: lets standbys stream from the running cluster of DIR (wal_level
# replica, WAL senders, WAL kept for a standby that falls behind); restarts it when a setting
# that needs a restart changed. pg_hba.conf from initdb already allows replication from local
# sockets and loopback.
py_replication_enable() {
    local dir=$1 port=$2
    py_psql "$dir" "$port" "ALTER SYSTEM SET wal_level = replica" >/dev/null
    py_psql "$dir" "$port" "ALTER SYSTEM SET max_wal_senders = 10" >/dev/null
    py_psql "$dir" "$port" "ALTER SYSTEM SET wal_keep_size = '1GB'" >/dev/null
    py_psql "$dir" "$port" "SELECT pg_reload_conf()" >/dev/null
    if [ "$(py_psql "$dir" "$port" "SELECT count(*) FROM pg_settings WHERE pending_restart")" != 0 ]; then
        py_log "restarting the cluster in $dir once: replication settings take effect only at server start"
        py_cluster_restart "$dir"
    fi
}

# py_replica_start PRIMARY_DIR PRIMARY_PORT REPLICA_DIR REPLICA_PORT: starts a hot standby of the
# running primary in REPLICA_DIR, made on first use by `pg_basebackup -R` (which writes
# primary_conninfo and standby.signal), streaming from the primary's socket.
py_replica_start() {
    local primary=$1 primary_port=$2 dir=$3 port=$4 user
    user=$(py_pg_user)
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        mkdir -p "$dir"
        if [ "$(id -u)" = 0 ]; then chown "$user" "$dir"; fi
        py_replication_enable "$primary" "$primary_port"
        py_log "making a hot standby of $primary in $dir with pg_basebackup"
        py_pg "$PG_BIN/pg_basebackup" -h "$primary/run" -p "$primary_port" -U postgres -D "$dir/data" \
            -R -X stream -c fast >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; return 1; }
    fi
    py_cluster_start "$dir" "$port"
}
