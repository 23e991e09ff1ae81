// libbrotli (Debian's libbrotli-dev): the encoder makes the `.br` files of `build --precompress`;
// the decoder lets the tests read them back.
#include <brotli/encode.h>
#include <brotli/decode.h>
