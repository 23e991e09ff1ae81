// zlib (Debian's zlib1g-dev): the `.gz` files of `build --precompress`.
#include <zlib.h>
