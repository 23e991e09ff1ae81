#ifndef PASSERELLE_CFILETREE_H
#define PASSERELLE_CFILETREE_H

#include <stddef.h>

/// Exchanges two paths atomically (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 where the system or file system cannot do it.
int passerelle_exchange_paths(const char *a, const char *b);

/// Writes `length` bytes to a new file at `path` (created or truncated, mode 0644), without fsync:
/// the build is made durable as a whole by the folder swap. Returns 0, or an errno value.
int passerelle_write_file(const char *path, const void *bytes, size_t length);

/// Removes a folder and everything in it, without following symbolic links. Returns 0, or an errno value.
int passerelle_remove_tree(const char *path);

#endif
