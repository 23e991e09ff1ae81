import Yams

/// A YAML node as the loaders read it: a text, a list or a mapping, with where it starts in the
/// YAML text (line and column from 1, columns counted in Unicode scalars, as libyaml counts them).
///
/// What Yams composes is turned into these (`init(_:)`), and so is what `FlatYAMLParser` reads
/// without Yams: the loaders see one tree whichever parsed the text.
package enum YAMLNode: Sendable, Equatable {
    package struct Mark: Sendable, Equatable {
        package let line: Int
        package let column: Int
    }

    package struct Scalar: Sendable, Equatable {
        package let string: String
        /// Written without quotes and without a tag: only then are `~`, `null` and nothing at all
        /// an empty value.
        package let isPlain: Bool
        package let mark: Mark
    }

    case scalar(Scalar)
    case mapping([Pair], Mark)
    case sequence([YAMLNode], Mark)

    package struct Pair: Sendable, Equatable {
        package let key: YAMLNode
        package let value: YAMLNode
    }

    package var mark: Mark {
        switch self {
        case let .scalar(scalar): return scalar.mark
        case let .mapping(_, mark), let .sequence(_, mark): return mark
        }
    }

    /// The text of a scalar; nil for a list or a mapping.
    package var string: String? {
        if case let .scalar(scalar) = self { return scalar.string }
        return nil
    }

    /// A plain `~`, `null` or nothing.
    package var isNull: Bool {
        guard case let .scalar(scalar) = self else { return false }
        return scalar.isPlain && (scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null")
    }

    /// The tree Yams composed. A mapping key that is not a scalar (`[a, b]: c`) becomes the
    /// scalar of its YAML text, which is how diagnostics name it.
    package init(_ node: Node) {
        let mark = Mark(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case let .scalar(scalar):
            self = .scalar(Scalar(string: scalar.string, isPlain: scalar.style == .plain && scalar.tag.rawValue == Tag.Name.implicit.rawValue,
                                  mark: mark))
        case let .mapping(mapping):
            self = .mapping(mapping.map { key, value in
                // (Yams resolves the tags of keys, which nothing here reads: a key is plain by its style.)
                let keyNode: YAMLNode
                if case let .scalar(scalar) = key {
                    keyNode = .scalar(Scalar(string: scalar.string, isPlain: scalar.style == .plain, mark: YAMLNode(key).mark))
                } else {
                    keyNode = .scalar(Scalar(string: "\(key)", isPlain: false, mark: YAMLNode(key).mark))
                }
                return Pair(key: keyNode, value: YAMLNode(value))
            }, mark)
        case let .sequence(sequence):
            self = .sequence(sequence.map(YAMLNode.init), mark)
        case .alias:
            // `compose` puts the node an alias names in its place; an alias left is read as its text.
            self = .scalar(Scalar(string: "\(node)", isPlain: false, mark: mark))
        }
    }
}
