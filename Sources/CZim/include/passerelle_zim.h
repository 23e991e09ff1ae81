// A small C interface to libzim's writer (Debian's libzim-dev), for `passerelle bundle --format zim`.
// Every function returns 0 on success; on failure, -1 and a message in `error` (NUL-terminated).
#ifndef PASSERELLE_ZIM_H
#define PASSERELLE_ZIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct passerelle_zim passerelle_zim;

/// Starts an archive at `path`, with a full-text index in `index_language` (ISO 639-3) built by
/// libzim (Xapian), `workers` compression threads, and the 16 bytes of `uuid` as its id.
passerelle_zim *passerelle_zim_start(const char *path, const char *index_language, unsigned workers,
                                     const unsigned char uuid[16], char *error, size_t error_size);
/// Adds an item at `path` (no leading slash). `front`: a page readers look for (title and full-text index).
int passerelle_zim_add_item(passerelle_zim *zim, const char *path, const char *mimetype, const char *title,
                            const void *bytes, size_t size, int front, char *error, size_t error_size);
int passerelle_zim_add_metadata(passerelle_zim *zim, const char *name, const char *value, size_t size, const char *mimetype,
                                char *error, size_t error_size);
/// The PNG of `size`×`size` pixels Kiwix shows for the archive.
int passerelle_zim_add_illustration(passerelle_zim *zim, unsigned size, const void *png, size_t png_size,
                                    char *error, size_t error_size);
int passerelle_zim_set_main_path(passerelle_zim *zim, const char *path);
/// Writes the archive's last parts and frees `zim`, whatever the outcome.
int passerelle_zim_finish(passerelle_zim *zim, char *error, size_t error_size);

// Reading an archive back (the tests' independent check of what the writer made). Strings and
// bytes returned through `out` are malloc'd: the caller frees them.

/// The item at `path` (after redirects): its bytes and MIME type.
int passerelle_zim_read_item(const char *archive, const char *path, char **bytes, size_t *size, char **mimetype,
                             char *error, size_t error_size);
/// A metadata value (`Title`, `Language`…); `Illustration_48x48@1` gives the PNG.
int passerelle_zim_read_metadata(const char *archive, const char *name, char **bytes, size_t *size,
                                 char *error, size_t error_size);
/// The main page's path.
int passerelle_zim_read_main_path(const char *archive, char **path, char *error, size_t error_size);
/// The paths of the first `limit` full-text results for `query`, one per line.
int passerelle_zim_search(const char *archive, const char *query, int limit, char **paths, char *error, size_t error_size);
/// How many items the archive holds (its user entries, without metadata).
int passerelle_zim_entry_count(const char *archive, unsigned long *count, char *error, size_t error_size);

#ifdef __cplusplus
}
#endif

#endif
