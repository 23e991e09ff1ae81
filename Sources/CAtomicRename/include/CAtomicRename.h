#ifndef PASSERELLE_CATOMICRENAME_H
#define PASSERELLE_CATOMICRENAME_H

/// Exchanges two paths atomically (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 where the system or file system cannot do it.
int passerelle_exchange_paths(const char *a, const char *b);

#endif
