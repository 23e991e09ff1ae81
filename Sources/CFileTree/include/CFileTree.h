#ifndef PASSERELLE_CFILETREE_H
#define PASSERELLE_CFILETREE_H

#include <stddef.h>

/// Exchanges two paths atomically (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 where the system or file system cannot do it.
int passerelle_exchange_paths(const char *a, const char *b);

/// Writes `length` bytes to the file at `path` (created or truncated, mode 0644, never through a
/// symbolic link), without fsync: the build is made durable as a whole by the folder swap.
/// Reports the written file's modification time (seconds, nanoseconds) through `mtime`.
/// Returns 0, or an errno value.
int passerelle_write_file_at(const char *path, const void *bytes, size_t length, long long mtime[2]);

/// Reads the whole regular file at `path` into a buffer the caller frees (`free`): one open
/// (never through a final symbolic link, never waiting on a FIFO or a device), fstat, reads to the
/// end, close. Returns 0, or an errno value: ELOOP for a symbolic link, EISDIR for a folder,
/// ENODEV for a FIFO, a socket or a device.
int passerelle_read_file(const char *path, void **bytes, size_t *length);

/// The size and modification time of the file at `path` (not following a final symbolic link).
/// Returns 0, or an errno value.
int passerelle_file_status(const char *path, long long *size, long long mtime[2]);

/// The modification time of the folder at `path` (not following a symbolic link). Returns 0, or an errno value.
int passerelle_folder_time(const char *path, long long mtime[2]);

/// Removes the file, link or folder (with everything in it) at `path`. Returns 0, or an errno value.
int passerelle_remove_tree_or_file(const char *path);

/// The size and modification time of each of `count` paths relative to `root`, given one after
/// the other, each ended by a NUL, in `paths` ("" is `root` itself). Each is looked up from the
/// descriptor of `root`, not walked from `/`, and no path string is made per file.
/// Writes size, seconds and nanoseconds to `status[3 * i]`, with size -1 for a path that is
/// missing or not of its kind: a regular file, or a folder when `folders` is not 0.
void passerelle_status_batch(const char *root, const char *paths, size_t count, int folders, long long *status);

/// Checks lines of an output manifest against the tree at `root`: `length` bytes of whole lines
/// "hash size seconds nanoseconds path" (a regular file of that size and time) and
/// "D seconds nanoseconds path" (a folder of that time; "" is `root` itself), each path looked up
/// from the descriptor of `root`. Returns how many lines the tree does not match, or -1 when a
/// line is malformed or `root` cannot be opened.
long passerelle_manifest_mismatches(const char *root, const char *lines, size_t length);

/// The inode number of the folder at `path`, or 0 when it cannot be read.
unsigned long long passerelle_inode(const char *path);

/// Takes an exclusive lock on the file at `path` (created if needed) without waiting.
/// Returns the open descriptor holding it, or -1 when another process holds it or it cannot be made.
int passerelle_try_lock(const char *path);

/// Whether the folder at `root` (not a link) holds only folders and regular files, all the way
/// down: 1, or 0 when it holds a link, a FIFO, a socket or a device anywhere, or cannot be read.
int passerelle_tree_is_plain(const char *root);

/// Whether the process `pid` is running (it may be another user's): 1, or 0.
int passerelle_process_is_alive(long pid);

/// Removes a folder and everything in it, without following symbolic links. Returns 0, or an errno value.
int passerelle_remove_tree(const char *path);

/// Lists the input folder `root` as the content contract allows it (CONTENT.md, "What the content
/// folder may hold"): every file and folder under it, hidden names (starting with '.') passed over
/// with all they hold. A symbolic link is followed only when its target, fully resolved, lies inside
/// `root` (then the target's kind, size and time are listed, and its real path); anything else is
/// listed as a problem and nothing is read through it. Nothing is opened but folders, so no FIFO
/// or device can make the listing wait.
///
/// Records follow one another in `*text` (the caller frees it), each
/// "K size seconds nanoseconds relative\0physical\0" where K is
///   'f' a regular file, 'd' a folder (physical: its real path when reached through a link, else "");
///   'L' a link leading outside `root`, 'D' a dangling link, 'O' a link loop (or a link to a folder
///   that contains it), 'F' a FIFO, 'S' a socket, 'V' a device, 'E' unreadable (size: the errno),
///   physical: the link's target as written (for L, D, O) or "".
/// Returns 0, or an errno value when `root` itself cannot be listed.
int passerelle_list_tree(const char *root, char **text, size_t *length);

#endif
