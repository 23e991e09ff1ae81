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
#include <signal.h>
#include <unistd.h>
#include <pthread.h>
#include <stdatomic.h>
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
    // O_NONBLOCK: opening a FIFO without a writer would otherwise wait for one for ever.
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) return errno;
    struct stat info;
    if (fstat(fd, &info) != 0) { int error = errno; close(fd); return error; }
    if (!S_ISREG(info.st_mode)) { close(fd); return S_ISDIR(info.st_mode) ? EISDIR : ENODEV; }
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
        // A read that stops short at the size fstat gave is at the end of a regular file: no
        // second read to hear it (one system call less per content file). A file that grew
        // fills the extra byte and is read on; one that shrank is read to its end.
        if (info.st_size > 0 && used == (size_t)info.st_size && used < capacity) break;
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

struct tree_listing {
    char *text;
    size_t length, capacity;
    int error;
    const char *root;      /* real path of the root */
    size_t root_length;
    /* (device, inode) of the folders on the current path, for loops through links. */
    dev_t devices[256];
    ino_t inodes[256];
    int depth;
};

static void tree_append(struct tree_listing *out, char kind, long long size, long long seconds, long long nanoseconds,
                        const char *relative, const char *physical) {
    char head[96];
    int head_length = snprintf(head, sizeof head, "%c %lld %lld %lld ", kind, size, seconds, nanoseconds);
    size_t relative_length = strlen(relative), physical_length = strlen(physical);
    size_t needed = out->length + (size_t)head_length + relative_length + physical_length + 2;
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
    memcpy(out->text + out->length, relative, relative_length + 1);
    out->length += relative_length + 1;
    memcpy(out->text + out->length, physical, physical_length + 1);
    out->length += physical_length + 1;
}

static int tree_on_path(const struct tree_listing *out, const struct stat *info) {
    for (int i = 0; i < out->depth; i++)
        if (out->devices[i] == info->st_dev && out->inodes[i] == info->st_ino) return 1;
    return 0;
}

static char special_kind(mode_t mode) {
    if (S_ISFIFO(mode)) return 'F';
    if (S_ISSOCK(mode)) return 'S';
    return 'V';
}

/* The plain folders (not reached through a link) found in the root: listed afterwards, on two threads. */
struct deferred_folders {
    char **names;
    struct stat *infos;
    size_t count, capacity;
};

static int defer_folder(struct deferred_folders *deferred, const char *name, const struct stat *info) {
    if (deferred->count == deferred->capacity) {
        size_t capacity = deferred->capacity ? deferred->capacity * 2 : 16;
        char **names = realloc(deferred->names, capacity * sizeof *names);
        if (!names) return ENOMEM;
        deferred->names = names;
        struct stat *infos = realloc(deferred->infos, capacity * sizeof *infos);
        if (!infos) return ENOMEM;
        deferred->infos = infos;
        deferred->capacity = capacity;
    }
    deferred->names[deferred->count] = strdup(name);
    if (!deferred->names[deferred->count]) return ENOMEM;
    deferred->infos[deferred->count++] = *info;
    return 0;
}

static void tree_folder(int fd, const char *prefix, const char *physical, struct tree_listing *out,
                        struct deferred_folders *deferred);

/* Lists the plain folder `relative` (whose status is `info`), open as `child`, into `out`. */
static void tree_plain_folder(int child, const char *relative, const char *own_physical, const struct stat *info,
                              struct tree_listing *out) {
    if (out->depth >= 256) {
        close(child);
        tree_append(out, 'E', ELOOP, 0, 0, relative, "");
        return;
    }
    tree_append(out, 'd', 0, (long long)info->st_mtim.tv_sec, (long long)info->st_mtim.tv_nsec, relative, own_physical ? own_physical : "");
    out->devices[out->depth] = info->st_dev;
    out->inodes[out->depth] = info->st_ino;
    out->depth++;
    tree_folder(child, relative, own_physical ? own_physical : "", out, NULL);
    out->depth--;
}

/* Lists the folder open as `fd` (whose relative path is `prefix`; `physical` its real path when it
   was reached through a link, else ""), then closes it. With `deferred` (the root), its plain
   folders are put there instead of listed. */
static void tree_folder(int fd, const char *prefix, const char *physical, struct tree_listing *out,
                        struct deferred_folders *deferred) {
    DIR *dir = fdopendir(fd);
    if (!dir) { close(fd); tree_append(out, 'E', errno, 0, 0, prefix, ""); return; }
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL && !out->error) {
        const char *name = entry->d_name;
        if (name[0] == '.') continue; /* hidden, with everything it holds (and "." and "..") */
        size_t relative_length = strlen(prefix) + strlen(name) + 2;
        char *relative = malloc(relative_length);
        if (!relative) { out->error = ENOMEM; break; }
        snprintf(relative, relative_length, "%s%s%s", prefix, *prefix ? "/" : "", name);
        char *own_physical = NULL; /* the entry's real path, when it differs from root/relative */
        if (*physical) {
            size_t length = strlen(physical) + strlen(name) + 2;
            own_physical = malloc(length);
            if (!own_physical) { free(relative); out->error = ENOMEM; break; }
            snprintf(own_physical, length, "%s/%s", physical, name);
        }
        struct stat info;
        if (fstatat(dirfd(dir), name, &info, AT_SYMLINK_NOFOLLOW) != 0) {
            tree_append(out, 'E', errno, 0, 0, relative, "");
        } else if (S_ISLNK(info.st_mode)) {
            char target[4096];
            ssize_t target_length = readlinkat(dirfd(dir), name, target, sizeof target - 1);
            target[target_length > 0 ? target_length : 0] = 0;
            size_t link_length = (own_physical ? strlen(own_physical) : out->root_length + strlen(relative) + 1) + 1;
            char *link_path = malloc(link_length);
            if (!link_path) { free(relative); free(own_physical); out->error = ENOMEM; break; }
            if (own_physical) snprintf(link_path, link_length, "%s", own_physical);
            else snprintf(link_path, link_length, "%s/%s", out->root, relative);
            char *resolved = realpath(link_path, NULL);
            struct stat target_info;
            if (!resolved) {
                tree_append(out, errno == ELOOP ? 'O' : errno == ENOENT || errno == ENOTDIR ? 'D' : 'E',
                            errno == ELOOP || errno == ENOENT || errno == ENOTDIR ? 0 : errno, 0, 0, relative, target);
            } else if (strncmp(resolved, out->root, out->root_length) != 0 || resolved[out->root_length] != '/') {
                tree_append(out, strcmp(resolved, out->root) == 0 ? 'O' : 'L', 0, 0, 0, relative, target);
            } else if (stat(resolved, &target_info) != 0) {
                tree_append(out, 'D', 0, 0, 0, relative, target);
            } else if (S_ISREG(target_info.st_mode)) {
                tree_append(out, 'f', (long long)target_info.st_size, (long long)target_info.st_mtim.tv_sec,
                            (long long)target_info.st_mtim.tv_nsec, relative, resolved);
            } else if (S_ISDIR(target_info.st_mode)) {
                if (tree_on_path(out, &target_info) || out->depth >= 256) {
                    tree_append(out, 'O', 0, 0, 0, relative, target);
                } else {
                    int child = open(resolved, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                    if (child < 0) {
                        tree_append(out, 'E', errno, 0, 0, relative, "");
                    } else {
                        tree_append(out, 'd', 0, (long long)target_info.st_mtim.tv_sec, (long long)target_info.st_mtim.tv_nsec, relative, resolved);
                        out->devices[out->depth] = target_info.st_dev;
                        out->inodes[out->depth] = target_info.st_ino;
                        out->depth++;
                        tree_folder(child, relative, resolved, out, NULL);
                        out->depth--;
                    }
                }
            } else {
                tree_append(out, special_kind(target_info.st_mode), 0, 0, 0, relative, target);
            }
            free(resolved);
            free(link_path);
        } else if (S_ISDIR(info.st_mode) && deferred) {
            int error = defer_folder(deferred, name, &info);
            if (error) out->error = error;
        } else if (S_ISDIR(info.st_mode)) {
            int child = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (child < 0) {
                tree_append(out, 'E', errno, 0, 0, relative, "");
            } else {
                tree_plain_folder(child, relative, own_physical, &info, out);
            }
        } else if (S_ISREG(info.st_mode)) {
            tree_append(out, 'f', (long long)info.st_size, (long long)info.st_mtim.tv_sec, (long long)info.st_mtim.tv_nsec,
                        relative, own_physical ? own_physical : "");
        } else {
            tree_append(out, special_kind(info.st_mode), 0, 0, 0, relative, "");
        }
        free(own_physical);
        free(relative);
    }
    closedir(dir);
}

/* The root's plain folders, taken one at a time by the threads listing them, each into its own listing. */
struct tree_work {
    int root_fd;
    const struct deferred_folders *folders;
    atomic_size_t next;
};

struct tree_worker {
    struct tree_work *work;
    struct tree_listing out;
};

static void *tree_list_folders(void *argument) {
    struct tree_worker *worker = argument;
    struct tree_work *work = worker->work;
    size_t index;
    while ((index = atomic_fetch_add(&work->next, 1)) < work->folders->count && !worker->out.error) {
        const char *name = work->folders->names[index];
        int child = openat(work->root_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (child < 0) tree_append(&worker->out, 'E', errno, 0, 0, name, "");
        else tree_plain_folder(child, name, NULL, &work->folders->infos[index], &worker->out);
    }
    return NULL;
}

int passerelle_list_tree(const char *root, char **text, size_t *length) {
    struct tree_listing out;
    memset(&out, 0, sizeof out);
    char *real_root = realpath(root, NULL);
    if (!real_root) return errno;
    out.root = real_root;
    out.root_length = strlen(real_root);
    if (out.root_length == 1) out.root_length = 0; /* "/": every absolute path is inside */
    int fd = open(real_root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) { int error = errno; free(real_root); return error; }
    struct stat info;
    if (fstat(fd, &info) == 0) { out.devices[0] = info.st_dev; out.inodes[0] = info.st_ino; out.depth = 1; }
    int root_fd = dup(fd);
    if (root_fd < 0) { int error = errno; close(fd); free(real_root); return error; }
    // The root's own entries first, its plain folders put aside; then those folders listed by
    // two threads, each taking the next folder left (the caller sorts the listing).
    struct deferred_folders deferred = {0};
    tree_folder(fd, "", "", &out, &deferred);
    struct tree_work work = { .root_fd = root_fd, .folders = &deferred };
    atomic_init(&work.next, 0);
    struct tree_worker workers[2];
    for (int i = 0; i < 2; i++) {
        workers[i].work = &work;
        workers[i].out = out;
        workers[i].out.text = NULL;
        workers[i].out.length = workers[i].out.capacity = 0;
    }
    pthread_t helper;
    int helped = deferred.count > 1 && !out.error && pthread_create(&helper, NULL, tree_list_folders, &workers[1]) == 0;
    if (!out.error) tree_list_folders(&workers[0]);
    if (helped) pthread_join(helper, NULL);
    close(root_fd);
    for (size_t i = 0; i < deferred.count; i++) free(deferred.names[i]);
    free(deferred.names);
    free(deferred.infos);
    // One listing: the root's entries, then each thread's.
    for (int i = 0; i < 2; i++) {
        if (!out.error) out.error = workers[i].out.error;
        if (!out.error && workers[i].out.length) {
            size_t needed = out.length + workers[i].out.length;
            if (needed > out.capacity) {
                char *grown = realloc(out.text, needed);
                if (!grown) out.error = ENOMEM;
                else { out.text = grown; out.capacity = needed; }
            }
            if (!out.error) {
                memcpy(out.text + out.length, workers[i].out.text, workers[i].out.length);
                out.length += workers[i].out.length;
            }
        }
        free(workers[i].out.text);
    }
    free(real_root);
    if (out.error) { free(out.text); return out.error; }
    *text = out.text ? out.text : malloc(1);
    *length = out.length;
    return 0;
}

/* Whether the folder open as `fd` holds only folders and regular files; closes `fd`. */
static int folder_is_plain(int fd) {
    DIR *dir = fdopendir(fd);
    if (!dir) { close(fd); return 0; }
    int plain = 1;
    struct dirent *entry;
    while (plain && (entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) continue;
        unsigned char type = entry->d_type;
        if (type == DT_UNKNOWN) {
            struct stat info;
            if (fstatat(dirfd(dir), name, &info, AT_SYMLINK_NOFOLLOW) != 0) { plain = 0; break; }
            type = S_ISDIR(info.st_mode) ? DT_DIR : S_ISREG(info.st_mode) ? DT_REG : DT_LNK;
        }
        if (type == DT_DIR) {
            int child = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            plain = child >= 0 && folder_is_plain(child);
        } else if (type != DT_REG) {
            plain = 0;
        }
    }
    closedir(dir);
    return plain;
}

int passerelle_tree_is_plain(const char *root) {
    int fd = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return 0;
    return folder_is_plain(fd);
}

int passerelle_process_is_alive(long pid) {
    if (pid <= 0) return 0;
    return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}
