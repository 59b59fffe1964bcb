// An SQLite VFS, loaded with LD_PRELOAD, that records every change a process makes to
// the files a database needs after a power cut (the database, its -wal and a rollback
// journal), so that crash_test.py can rebuild what the disk could hold at any moment.
//
// With TKT_CRASH_TRACE=FILE set, the constructor wraps the default VFS ("unix") and
// makes the wrapper the default. Every xWrite, xTruncate and xSync of those files, and
// every xDelete, is done and then appended to FILE as one record, both under one flock
// on FILE.lock that every traced process shares: the trace is then the exact order in
// which all processes changed the files. The -shm file is not traced: it is shared
// memory, rebuilt from the WAL after a crash. Without the variable, nothing is wrapped.
//
// A record: a 32-byte header (see struct record_header), the path, then the bytes
// written (for writes). A failed operation is not recorded: it did not happen.
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/uio.h>
#include <unistd.h>

enum op { op_write = 1, op_truncate = 2, op_sync = 3, op_delete = 4 };

// Native byte order; crash_test.py reads it as "<IB3xIIqq" (x86_64 and aarch64).
struct record_header {
    uint32_t size;  // of the whole record, header included
    uint8_t op;     // enum op
    uint8_t padding[3];
    uint32_t pid;
    uint32_t path_size;
    int64_t offset;     // write: offset; truncate: new size; sync: flags; delete: syncDir
    int64_t data_size;  // write: bytes that follow the path; others: 0
};

// One open file: SQLite allocates szOsFile bytes, this header and then the real file.
struct traced_file {
    sqlite3_file base;
    const char* path;  // SQLite keeps the name valid until xClose
    int traced;
};

static sqlite3_vfs* g_real;
static int g_trace_fd = -1;
static int g_lock_fd = -1;

static sqlite3_file* real_file(sqlite3_file* file) {
    return (sqlite3_file*)((struct traced_file*)file + 1);
}

// Stops the process: a trace with a hole in it would make every later check meaningless.
static void die(const char* what) {
    fprintf(stderr, "vfs_trace: %s failed; the trace would be incomplete\n", what);
    _exit(71);
}

static void lock_trace(void) {
    while (flock(g_lock_fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            die("flock");
        }
    }
}

static void unlock_trace(void) {
    flock(g_lock_fd, LOCK_UN);
}

static void write_all(struct iovec* parts, int count) {
    while (count > 0) {
        ssize_t written = writev(g_trace_fd, parts, count);
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written < 0) {
            die("writing the trace");
        }
        while (count > 0 && (size_t)written >= parts->iov_len) {
            written -= (ssize_t)parts->iov_len;
            ++parts;
            --count;
        }
        if (count > 0) {
            parts->iov_base = (char*)parts->iov_base + written;
            parts->iov_len -= (size_t)written;
        }
    }
}

// Appends one record; the caller holds the trace lock.
static void append(enum op kind, const char* path, int64_t offset, const void* data, int64_t data_size) {
    const size_t path_size = strlen(path);
    struct record_header header;
    memset(&header, 0, sizeof header);
    header.size = (uint32_t)(sizeof header + path_size + (size_t)data_size);
    header.op = (uint8_t)kind;
    header.pid = (uint32_t)getpid();
    header.path_size = (uint32_t)path_size;
    header.offset = offset;
    header.data_size = data_size;
    struct iovec parts[3] = {{&header, sizeof header}, {(void*)path, path_size}, {(void*)data, (size_t)data_size}};
    write_all(parts, 3);
}

static int trace_close(sqlite3_file* file) {
    sqlite3_file* real = real_file(file);
    return real->pMethods->xClose(real);
}

static int trace_read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
    sqlite3_file* real = real_file(file);
    return real->pMethods->xRead(real, buffer, amount, offset);
}

static int trace_write(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
    struct traced_file* traced = (struct traced_file*)file;
    sqlite3_file* real = real_file(file);
    if (!traced->traced) {
        return real->pMethods->xWrite(real, buffer, amount, offset);
    }
    lock_trace();
    const int code = real->pMethods->xWrite(real, buffer, amount, offset);
    if (code == SQLITE_OK) {
        append(op_write, traced->path, offset, buffer, amount);
    }
    unlock_trace();
    return code;
}

static int trace_truncate(sqlite3_file* file, sqlite3_int64 size) {
    struct traced_file* traced = (struct traced_file*)file;
    sqlite3_file* real = real_file(file);
    if (!traced->traced) {
        return real->pMethods->xTruncate(real, size);
    }
    lock_trace();
    const int code = real->pMethods->xTruncate(real, size);
    if (code == SQLITE_OK) {
        append(op_truncate, traced->path, size, NULL, 0);
    }
    unlock_trace();
    return code;
}

static int trace_sync(sqlite3_file* file, int flags) {
    struct traced_file* traced = (struct traced_file*)file;
    sqlite3_file* real = real_file(file);
    if (!traced->traced) {
        return real->pMethods->xSync(real, flags);
    }
    lock_trace();
    const int code = real->pMethods->xSync(real, flags);
    if (code == SQLITE_OK) {
        append(op_sync, traced->path, flags, NULL, 0);
    }
    unlock_trace();
    return code;
}

static int trace_file_size(sqlite3_file* file, sqlite3_int64* size) {
    sqlite3_file* real = real_file(file);
    return real->pMethods->xFileSize(real, size);
}

static int trace_lock(sqlite3_file* file, int level) {
    sqlite3_file* real = real_file(file);
    return real->pMethods->xLock(real, level);
}

static int trace_unlock(sqlite3_file* file, int level) {
    sqlite3_file* real = real_file(file);
    return real->pMethods->xUnlock(real, level);
}

static int trace_check_reserved_lock(sqlite3_file* file, int* result) {
    sqlite3_file* real = real_file(file);
    return real->pMethods->xCheckReservedLock(real, result);
}

static int trace_file_control(sqlite3_file* file, int op, void* argument) {
    sqlite3_file* real = real_file(file);
    return real->pMethods->xFileControl(real, op, argument);
}

static int trace_sector_size(sqlite3_file* file) {
    sqlite3_file* real = real_file(file);
    return real->pMethods->xSectorSize(real);
}

static int trace_device_characteristics(sqlite3_file* file) {
    sqlite3_file* real = real_file(file);
    return real->pMethods->xDeviceCharacteristics(real);
}

static int trace_shm_map(sqlite3_file* file, int page, int page_size, int extend, void volatile** memory) {
    sqlite3_file* real = real_file(file);
    return real->pMethods->xShmMap(real, page, page_size, extend, memory);
}

static int trace_shm_lock(sqlite3_file* file, int offset, int count, int flags) {
    sqlite3_file* real = real_file(file);
    return real->pMethods->xShmLock(real, offset, count, flags);
}

static void trace_shm_barrier(sqlite3_file* file) {
    sqlite3_file* real = real_file(file);
    real->pMethods->xShmBarrier(real);
}

static int trace_shm_unmap(sqlite3_file* file, int delete_flag) {
    sqlite3_file* real = real_file(file);
    return real->pMethods->xShmUnmap(real, delete_flag);
}

static int trace_fetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** pointer) {
    sqlite3_file* real = real_file(file);
    return real->pMethods->xFetch(real, offset, amount, pointer);
}

static int trace_unfetch(sqlite3_file* file, sqlite3_int64 offset, void* pointer) {
    sqlite3_file* real = real_file(file);
    return real->pMethods->xUnfetch(real, offset, pointer);
}

static const sqlite3_io_methods k_methods = {
    3,
    trace_close,
    trace_read,
    trace_write,
    trace_truncate,
    trace_sync,
    trace_file_size,
    trace_lock,
    trace_unlock,
    trace_check_reserved_lock,
    trace_file_control,
    trace_sector_size,
    trace_device_characteristics,
    trace_shm_map,
    trace_shm_lock,
    trace_shm_barrier,
    trace_shm_unmap,
    trace_fetch,
    trace_unfetch,
};

// The files a power cut leaves behind for recovery; temporary files and statement
// journals are not read again after a crash.
static int is_durable(int flags) {
    return (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL)) != 0;
}

static int trace_open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
    (void)vfs;
    struct traced_file* traced = (struct traced_file*)file;
    sqlite3_file* real = real_file(file);
    memset(traced, 0, sizeof *traced);
    const int code = g_real->xOpen(g_real, name, real, flags, out_flags);
    if (real->pMethods == NULL) {
        return code;  // SQLite calls no method, not even xClose, on a file never opened
    }
    // The unix VFS's files have version 3 methods; a wrapper could not offer more.
    if (real->pMethods->iVersion < 3) {
        real->pMethods->xClose(real);
        return SQLITE_CANTOPEN;
    }
    traced->base.pMethods = &k_methods;
    traced->path = name;
    traced->traced = name != NULL && is_durable(flags);
    return code;
}

static int trace_delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
    (void)vfs;
    lock_trace();
    const int code = g_real->xDelete(g_real, name, sync_dir);
    if (code == SQLITE_OK) {
        append(op_delete, name, sync_dir, NULL, 0);
    }
    unlock_trace();
    return code;
}

static int trace_access(sqlite3_vfs* vfs, const char* name, int flags, int* result) {
    (void)vfs;
    return g_real->xAccess(g_real, name, flags, result);
}

static int trace_full_pathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
    (void)vfs;
    return g_real->xFullPathname(g_real, name, size, out);
}

static void* trace_dl_open(sqlite3_vfs* vfs, const char* name) {
    (void)vfs;
    return g_real->xDlOpen(g_real, name);
}

static void trace_dl_error(sqlite3_vfs* vfs, int size, char* message) {
    (void)vfs;
    g_real->xDlError(g_real, size, message);
}

static void (*trace_dl_sym(sqlite3_vfs* vfs, void* handle, const char* symbol))(void) {
    (void)vfs;
    return g_real->xDlSym(g_real, handle, symbol);
}

static void trace_dl_close(sqlite3_vfs* vfs, void* handle) {
    (void)vfs;
    g_real->xDlClose(g_real, handle);
}

static int trace_randomness(sqlite3_vfs* vfs, int size, char* out) {
    (void)vfs;
    return g_real->xRandomness(g_real, size, out);
}

static int trace_sleep(sqlite3_vfs* vfs, int microseconds) {
    (void)vfs;
    return g_real->xSleep(g_real, microseconds);
}

static int trace_current_time(sqlite3_vfs* vfs, double* now) {
    (void)vfs;
    return g_real->xCurrentTime(g_real, now);
}

static int trace_get_last_error(sqlite3_vfs* vfs, int size, char* message) {
    (void)vfs;
    return g_real->xGetLastError(g_real, size, message);
}

static int trace_current_time_int64(sqlite3_vfs* vfs, sqlite3_int64* now) {
    (void)vfs;
    return g_real->xCurrentTimeInt64(g_real, now);
}

static sqlite3_vfs g_vfs = {
    2,  // no system-call overrides: those belong to the real VFS
    0,
    0,
    NULL,
    "crash_trace",
    NULL,
    trace_open,
    trace_delete,
    trace_access,
    trace_full_pathname,
    trace_dl_open,
    trace_dl_error,
    trace_dl_sym,
    trace_dl_close,
    trace_randomness,
    trace_sleep,
    trace_current_time,
    trace_get_last_error,
    trace_current_time_int64,
    NULL,
    NULL,
    NULL,
};

static void open_trace(const char* path) {
    char lock_path[4096];
    if (snprintf(lock_path, sizeof lock_path, "%s.lock", path) >= (int)sizeof lock_path) {
        die("naming the lock file");
    }
    g_trace_fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    g_lock_fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (g_trace_fd < 0 || g_lock_fd < 0) {
        die("opening the trace");
    }
}

__attribute__((constructor)) static void register_trace_vfs(void) {
    const char* path = getenv("TKT_CRASH_TRACE");
    if (path == NULL || *path == '\0') {
        return;
    }
    open_trace(path);
    g_real = sqlite3_vfs_find(NULL);
    if (g_real == NULL || g_real->iVersion < 2) {
        die("finding the default VFS");
    }
    g_vfs.szOsFile = (int)sizeof(struct traced_file) + g_real->szOsFile;
    g_vfs.mxPathname = g_real->mxPathname;
    if (sqlite3_vfs_register(&g_vfs, 1) != SQLITE_OK) {
        die("registering the VFS");
    }
}
