#ifndef PASSERELLE_CCMARKGFMSHARED_H
#define PASSERELLE_CCMARKGFMSHARED_H

/// How many times cmark-gfm called the replacement below since the process started.
/// Zero after a parse means the replacement is not in effect, and parses must not overlap.
long passerelle_cmark_special_character_calls(void);

#endif
