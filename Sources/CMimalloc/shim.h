// mimalloc (Debian's libmimalloc-dev): linked into the command, it replaces the C library's
// malloc for the whole process (Swift's runtime included). See Package.swift.
#include <mimalloc.h>
