#define _GNU_SOURCE
#include "CFileTree.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#include <linux/fs.h>
#endif

int passerelle_exchange_paths(const char *a, const char *b) {
#if defined(__linux__) && defined(SYS_renameat2) && defined(RENAME_EXCHANGE)
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0 ? 0 : -1;
#else
    (void)a; (void)b;
    return -1;
#endif
}

int passerelle_write_file_at(const char *path, const void *bytes, size_t length, long long mtime[2]) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return errno;
    const char *cursor = bytes;
    while (length > 0) {
        ssize_t written = write(fd, cursor, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            int error = errno;
            close(fd);
            return error;
        }
        cursor += written;
        length -= (size_t)written;
    }
    struct stat info;
    if (fstat(fd, &info) != 0) { int error = errno; close(fd); return error; }
    mtime[0] = (long long)info.st_mtim.tv_sec;
    mtime[1] = (long long)info.st_mtim.tv_nsec;
    return close(fd) == 0 ? 0 : errno;
}

int passerelle_read_file(const char *path, void **bytes, size_t *length) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    struct stat info;
    if (fstat(fd, &info) != 0) { int error = errno; close(fd); return error; }
    if (!S_ISREG(info.st_mode)) { close(fd); return EISDIR; }
    // The size read is a hint: a file that grows meanwhile is read to its end all the same.
    size_t capacity = info.st_size > 0 ? (size_t)info.st_size + 1 : 4096, used = 0;
    char *buffer = malloc(capacity);
    if (!buffer) { close(fd); return ENOMEM; }
    for (;;) {
        if (used == capacity) {
            char *grown = realloc(buffer, capacity * 2);
            if (!grown) { free(buffer); close(fd); return ENOMEM; }
            buffer = grown;
            capacity *= 2;
        }
        ssize_t got = read(fd, buffer + used, capacity - used);
        if (got < 0) {
            if (errno == EINTR) continue;
            int error = errno;
            free(buffer);
            close(fd);
            return error;
        }
        if (got == 0) break;
        used += (size_t)got;
    }
    close(fd);
    *bytes = buffer;
    *length = used;
    return 0;
}

/// lstat's size and modification time of `path` when it is of `kind` (S_IFREG, S_IFDIR), else `mismatch`.
static int status_of_kind(const char *path, mode_t kind, int mismatch, long long *size, long long mtime[2]) {
    struct stat info;
    if (lstat(path, &info) != 0) return errno;
    if ((info.st_mode & S_IFMT) != kind) return mismatch;
    if (size) *size = (long long)info.st_size;
    mtime[0] = (long long)info.st_mtim.tv_sec;
    mtime[1] = (long long)info.st_mtim.tv_nsec;
    return 0;
}

int passerelle_file_status(const char *path, long long *size, long long mtime[2]) {
    return status_of_kind(path, S_IFREG, EINVAL, size, mtime);
}

int passerelle_folder_time(const char *path, long long mtime[2]) {
    return status_of_kind(path, S_IFDIR, ENOTDIR, NULL, mtime);
}

void passerelle_status_batch(const char *root, const char *paths, size_t count, int folders, long long *status) {
    int root_fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    mode_t kind = folders ? S_IFDIR : S_IFREG;
    for (size_t i = 0; i < count; i++) {
        const char *path = paths;
        paths += strlen(path) + 1;
        long long *out = status + 3 * i;
        out[0] = -1; out[1] = 0; out[2] = 0;
        struct stat info;
        if (root_fd < 0 || fstatat(root_fd, *path ? path : ".", &info, AT_SYMLINK_NOFOLLOW) != 0 || (info.st_mode & S_IFMT) != kind) continue;
        out[0] = (long long)info.st_size;
        out[1] = (long long)info.st_mtim.tv_sec;
        out[2] = (long long)info.st_mtim.tv_nsec;
    }
    if (root_fd >= 0) close(root_fd);
}

/// Reads a decimal field (optionally negative) ended by a space; advances `*cursor` past the space.
static int decimal_field(const char **cursor, const char *end, long long *value) {
    const char *p = *cursor;
    int negative = p < end && *p == '-';
    if (negative) p++;
    long long result = 0;
    const char *digits = p;
    while (p < end && *p >= '0' && *p <= '9') result = result * 10 + (*p++ - '0');
    if (p == digits || p >= end || *p != ' ') return 0;
    *value = negative ? -result : result;
    *cursor = p + 1;
    return 1;
}

long passerelle_manifest_mismatches(const char *root, const char *lines, size_t length) {
    int root_fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (root_fd < 0) return -1;
    long mismatches = 0;
    char path[4096];
    const char *cursor = lines, *end = lines + length;
    while (cursor < end) {
        const char *stop = memchr(cursor, '\n', (size_t)(end - cursor));
        if (!stop) stop = end;
        const char *p = cursor;
        cursor = stop + 1;
        if (p == stop) continue;
        int folder = stop - p >= 2 && p[0] == 'D' && p[1] == ' ';
        long long size = 0, seconds = 0, nanoseconds = 0;
        if (folder) {
            p += 2;
        } else {
            const char *hex = p;
            while (p < stop && ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) p++;
            if (p == hex || p >= stop || *p != ' ') { mismatches = -1; break; }
            p++;
            if (!decimal_field(&p, stop, &size)) { mismatches = -1; break; }
        }
        if (!decimal_field(&p, stop, &seconds) || !decimal_field(&p, stop, &nanoseconds)) { mismatches = -1; break; }
        size_t name_length = (size_t)(stop - p);
        if (name_length >= sizeof path) { mismatches++; continue; }
        memcpy(path, p, name_length);
        path[name_length] = 0;
        struct stat info;
        if (fstatat(root_fd, name_length ? path : ".", &info, AT_SYMLINK_NOFOLLOW) != 0
            || (info.st_mode & S_IFMT) != (folder ? S_IFDIR : S_IFREG)
            || (!folder && (long long)info.st_size != size)
            || (long long)info.st_mtim.tv_sec != seconds || (long long)info.st_mtim.tv_nsec != nanoseconds) {
            mismatches++;
        }
    }
    close(root_fd);
    return mismatches;
}

unsigned long long passerelle_inode(const char *path) {
    struct stat info;
    if (lstat(path, &info) != 0 || !S_ISDIR(info.st_mode)) return 0;
    return (unsigned long long)info.st_ino;
}

int passerelle_try_lock(const char *path) {
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return -1;
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) { close(fd); return -1; }
    return fd;
}

/// Empties the folder open as `fd`, then closes it.
static int remove_contents(int fd) {
    DIR *dir = fdopendir(fd);
    if (!dir) { int error = errno; close(fd); return error; }
    int result = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) continue;
        int is_dir = entry->d_type == DT_DIR;
        if (entry->d_type == DT_UNKNOWN) {
            struct stat info;
            if (fstatat(dirfd(dir), name, &info, AT_SYMLINK_NOFOLLOW) == 0) is_dir = S_ISDIR(info.st_mode);
        }
        if (is_dir) {
            int child = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (child < 0) { result = errno; continue; }
            int error = remove_contents(child);
            if (error) result = error;
            if (unlinkat(dirfd(dir), name, AT_REMOVEDIR) != 0) result = errno;
        } else if (unlinkat(dirfd(dir), name, 0) != 0) {
            result = errno;
        }
    }
    closedir(dir);
    return result;
}

int passerelle_remove_tree(const char *path) {
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return errno == ENOENT ? 0 : errno;
    int result = remove_contents(fd);
    if (rmdir(path) != 0 && result == 0) result = errno;
    return result;
}

int passerelle_remove_tree_or_file(const char *path) {
    struct stat info;
    if (lstat(path, &info) != 0) return errno == ENOENT ? 0 : errno;
    if (S_ISDIR(info.st_mode)) return passerelle_remove_tree(path);
    return unlink(path) == 0 ? 0 : errno;
}

struct listing { char *text; size_t length, capacity; int error; };

static void append_line(struct listing *out, long long size, long long seconds, long long nanoseconds, const char *path) {
    char head[80];
    int head_length = snprintf(head, sizeof head, "%lld %lld %lld ", size, seconds, nanoseconds);
    size_t needed = out->length + (size_t)head_length + strlen(path) + 2;
    if (needed > out->capacity) {
        size_t capacity = out->capacity ? out->capacity * 2 : 65536;
        while (capacity < needed) capacity *= 2;
        char *grown = realloc(out->text, capacity);
        if (!grown) { out->error = ENOMEM; return; }
        out->text = grown;
        out->capacity = capacity;
    }
    memcpy(out->text + out->length, head, (size_t)head_length);
    out->length += (size_t)head_length;
    size_t path_length = strlen(path);
    memcpy(out->text + out->length, path, path_length);
    out->length += path_length;
    out->text[out->length++] = '\n';
}

static void list_folder(int fd, const char *prefix, struct listing *out) {
    DIR *dir = fdopendir(fd);
    if (!dir) { close(fd); out->error = errno; return; }
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL && !out->error) {
        const char *name = entry->d_name;
        if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) continue;
        struct stat info;
        if (fstatat(dirfd(dir), name, &info, AT_SYMLINK_NOFOLLOW) != 0) continue;
        size_t path_length = strlen(prefix) + strlen(name) + 2;
        char *path = malloc(path_length);
        if (!path) { out->error = ENOMEM; break; }
        snprintf(path, path_length, "%s%s%s", prefix, *prefix ? "/" : "", name);
        if (S_ISDIR(info.st_mode)) {
            int child = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (child >= 0) list_folder(child, path, out);
        } else if (S_ISREG(info.st_mode)) {
            append_line(out, (long long)info.st_size, (long long)info.st_mtim.tv_sec, (long long)info.st_mtim.tv_nsec, path);
        }
        free(path);
    }
    closedir(dir);
}

int passerelle_list_files(const char *root, char **text, size_t *length) {
    struct listing out = {0};
    int fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return errno;
    list_folder(fd, "", &out);
    if (out.error) { free(out.text); return out.error; }
    *text = out.text;
    *length = out.length;
    return 0;
}
