// libzim's writer (and, for the tests, its reader) behind a C interface: every exception becomes
// a return code and a message.
#include "passerelle_zim.h"

#include <zim/uuid.h>
#include <zim/writer/creator.h>
#include <zim/writer/item.h>

#include <cstring>
#include <exception>
#include <iostream>
#include <memory>
#include <string>

struct passerelle_zim {
    zim::writer::Creator creator;
};

static int fail(const char *what, char *error, size_t error_size) {
    if (error && error_size) {
        std::strncpy(error, what, error_size - 1);
        error[error_size - 1] = 0;
    }
    return -1;
}

/// libzim's writer prints its steps on standard output ("set index", "Resolve redirect"), which
/// belongs to the command (`--report json`): it writes into nothing while a call runs.
struct QuietStandardOutput {
    std::streambuf *saved;
    QuietStandardOutput() : saved(std::cout.rdbuf(nullptr)) {}
    ~QuietStandardOutput() { std::cout.rdbuf(saved); }
};

template <typename Body> static int guarded(Body body, char *error, size_t error_size) {
    QuietStandardOutput quiet;
    try {
        body();
        return 0;
    } catch (const std::exception &exception) {
        return fail(exception.what(), error, error_size);
    } catch (...) {
        return fail("unknown libzim failure", error, error_size);
    }
}

extern "C" passerelle_zim *passerelle_zim_start(const char *path, const char *index_language, unsigned workers,
                                                const unsigned char uuid[16], char *error, size_t error_size) {
    std::unique_ptr<passerelle_zim> zim;
    int status = guarded([&] {
        zim.reset(new passerelle_zim());
        zim->creator.configIndexing(true, index_language);
        zim->creator.configNbWorkers(workers);
        zim->creator.setUuid(zim::Uuid(reinterpret_cast<const char *>(uuid)));
        zim->creator.startZimCreation(path);
    }, error, error_size);
    return status == 0 ? zim.release() : nullptr;
}

extern "C" int passerelle_zim_add_item(passerelle_zim *zim, const char *path, const char *mimetype, const char *title,
                                       const void *bytes, size_t size, int front, char *error, size_t error_size) {
    return guarded([&] {
        zim::writer::Hints hints;
        hints[zim::writer::FRONT_ARTICLE] = front ? 1 : 0;
        auto item = zim::writer::StringItem::create(std::string(path), std::string(mimetype), std::string(title), hints,
                                                    std::string(static_cast<const char *>(bytes), size));
        zim->creator.addItem(item);
    }, error, error_size);
}

extern "C" int passerelle_zim_add_metadata(passerelle_zim *zim, const char *name, const char *value, size_t size,
                                           const char *mimetype, char *error, size_t error_size) {
    return guarded([&] { zim->creator.addMetadata(name, std::string(value, size), mimetype); }, error, error_size);
}

extern "C" int passerelle_zim_add_illustration(passerelle_zim *zim, unsigned size, const void *png, size_t png_size,
                                               char *error, size_t error_size) {
    return guarded([&] { zim->creator.addIllustration(size, std::string(static_cast<const char *>(png), png_size)); },
                   error, error_size);
}

extern "C" int passerelle_zim_set_main_path(passerelle_zim *zim, const char *path) {
    zim->creator.setMainPath(path);
    return 0;
}

extern "C" int passerelle_zim_finish(passerelle_zim *zim, char *error, size_t error_size) {
    std::unique_ptr<passerelle_zim> owned(zim);
    return guarded([&] { owned->creator.finishZimCreation(); }, error, error_size);
}

// Reading back.

#include <zim/archive.h>
#include <zim/item.h>
#include <zim/search.h>
#include <cstdlib>

static char *copy(const std::string &text, size_t *size = nullptr) {
    char *bytes = static_cast<char *>(std::malloc(text.size() + 1));
    std::memcpy(bytes, text.data(), text.size());
    bytes[text.size()] = 0;
    if (size) *size = text.size();
    return bytes;
}

extern "C" int passerelle_zim_read_item(const char *archive, const char *path, char **bytes, size_t *size, char **mimetype,
                                        char *error, size_t error_size) {
    return guarded([&] {
        zim::Archive zim(archive);
        auto item = zim.getEntryByPath(path).getItem(true);
        *bytes = copy(std::string(item.getData()), size);
        *mimetype = copy(item.getMimetype());
    }, error, error_size);
}

extern "C" int passerelle_zim_read_metadata(const char *archive, const char *name, char **bytes, size_t *size,
                                            char *error, size_t error_size) {
    return guarded([&] { *bytes = copy(zim::Archive(archive).getMetadata(name), size); }, error, error_size);
}

extern "C" int passerelle_zim_read_main_path(const char *archive, char **path, char *error, size_t error_size) {
    return guarded([&] { *path = copy(zim::Archive(archive).getMainEntry().getItem(true).getPath()); }, error, error_size);
}

extern "C" int passerelle_zim_search(const char *archive, const char *query, int limit, char **paths, char *error,
                                     size_t error_size) {
    return guarded([&] {
        zim::Archive zim(archive);
        zim::Searcher searcher(zim);
        auto search = searcher.search(zim::Query(query));
        std::string found;
        auto results = search.getResults(0, limit);
        for (auto result = results.begin(); result != results.end(); ++result) {
            found += result.getPath() + "\n";
        }
        *paths = copy(found);
    }, error, error_size);
}

extern "C" int passerelle_zim_entry_count(const char *archive, unsigned long *count, char *error, size_t error_size) {
    return guarded([&] { *count = zim::Archive(archive).getEntryCount(); }, error, error_size);
}
