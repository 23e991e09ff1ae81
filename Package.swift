// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Passerelle",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "passerelle", targets: ["passerelle"]),
        .library(name: "PasserelleCore", targets: ["PasserelleCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The command's allocator: a build makes millions of small, short-lived objects on two
        // threads, where glibc's malloc took a tenth of the CPU time; mimalloc, 12-15 % less wall time.
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        .target(name: "CFileTree"),
        // `build --precompress`: gzip through zlib, brotli through libbrotli's encoder.
        .systemLibrary(name: "CZlibDeflate", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CBrotli", pkgConfig: "libbrotlienc", providers: [.apt(["libbrotli-dev"])]),
        // cmark-gfm helpers in C: its table of special characters set once for good, so that parses
        // may overlap; heading ids written by its HTML renderer in its one pass over a document.
        .target(name: "CCmarkGFMShared", dependencies: ["CCmarkGFM"]),
        // The values every stage shares: the site model, source files, dates, paths, diagnostics.
        // It depends on no other Swift target, so no stage can reach back into another through it.
        // Its small accessors are called in every stage's inner loops: their bodies go into the
        // module's interface (cross-module optimisation), as they were inlined within one module.
        .target(name: "PasserelleModel", dependencies: ["CFileTree"],
                swiftSettings: [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]),
        // Writing a build: the output manifest, the kept tree, the swap, in-place replacement.
        .target(name: "PasserelleOutput", dependencies: ["PasserelleModel", "CFileTree", "CZlibDeflate", "CBrotli"],
                swiftSettings: [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]),
        // Markdown bodies to HTML through cmark-gfm's AST: references, heading ids, plain text.
        .target(name: "PasserelleMarkdown", dependencies: ["PasserelleModel", "CCmarkGFM", "CCmarkGFMShared"],
                swiftSettings: [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]),
        // Reading the content folder and the front matter: SourceTree, the loader, site.yaml, YAML.
        .target(name: "PasserelleContent", dependencies: [
                    "PasserelleModel", "PasserelleOutput", "PasserelleMarkdown", "CFileTree",
                    .product(name: "Yams", package: "Yams"),
                ],
                swiftSettings: [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]),
        // Parsing every text and resolving it into the immutable `Site`: references, backlinks, anchors.
        .target(name: "PasserelleResolve", dependencies: ["PasserelleModel", "PasserelleMarkdown", "PasserelleContent"],
                swiftSettings: [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]),
        // Themes: their Mustache templates, compiled by an engine of its own (swift-mustache is the
        // tests' oracle), and their UI strings and static files.
        .target(name: "PasserelleTemplates", dependencies: [
                    "PasserelleModel", "PasserelleContent",
                    .product(name: "Yams", package: "Yams"),
                ],
                swiftSettings: [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]),
        // The pages and files made of a `Site` through a theme: listings, entries, calendars, feeds, indexes.
        .target(name: "PasserellePages", dependencies: ["PasserelleModel", "PasserelleMarkdown", "PasserelleTemplates"],
                swiftSettings: [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]),
        // The accelerator: the build record, the snapshot of the last build, the text-edit rebuild.
        // It uses the stages; none of them knows it.
        .target(name: "PasserelleIncremental", dependencies: [
                    "PasserelleModel", "PasserelleOutput", "PasserelleMarkdown", "PasserelleContent",
                    "PasserelleResolve", "PasserelleTemplates", "PasserellePages", "CFileTree",
                ],
                swiftSettings: [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]),
        // libzim's writer (Debian's libzim-dev) behind a C interface that Swift calls.
        .target(name: "CZim", linkerSettings: [.linkedLibrary("zim")]),
        // A built site as one file: a zip (its own writer, see ZipBundle) or an openZIM archive for
        // Kiwix (libzim, through CZim).
        .target(name: "PasserelleBundle", dependencies: ["PasserelleModel", "PasserelleOutput", "CZim", "CZlibDeflate"]),
        // The build: load → resolve → render → write, with the accelerator when it applies.
        .target(
            name: "PasserelleCore",
            dependencies: [
                "PasserelleModel",
                "PasserelleOutput",
                "PasserelleMarkdown",
                "PasserelleContent",
                "PasserelleResolve",
                "PasserelleTemplates",
                "PasserellePages",
                "PasserelleIncremental",
                "PasserelleBundle",
                "CFileTree",
            ]
        ),
        .target(
            name: "PasserelleServe",
            dependencies: [
                "PasserelleCore",
                "PasserelleModel",
                // FlyingFox's sockets only: its HTTP decoder read heads byte by byte with no
                // limit (one 1 MB header held a core for minutes); LoopbackHTTPServer reads them.
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "passerelle",
            dependencies: [
                "PasserelleCore",
                "PasserelleModel",
                "PasserelleServe",
                "CMimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PasserelleCoreTests",
            dependencies: ["PasserelleCore", "PasserelleModel", "PasserelleOutput", "PasserelleMarkdown", "PasserelleContent",
                           "PasserelleResolve", "PasserelleTemplates", "PasserellePages", "PasserelleIncremental", "PasserelleBundle", "CCmarkGFM", "CZlibDeflate", "CBrotli", "CZim",
                           .product(name: "Mustache", package: "swift-mustache"),
                           // An independent reader of the zip bundles.
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "PasserelleServeTests",
            dependencies: ["PasserelleServe", "PasserelleCore"]
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
