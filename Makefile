# The two set-up commands of the README: `make site` and `make test`.
# Both install the C libraries Passerelle links against when they are missing (Debian/Ubuntu),
# using sudo only when not already root.

SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev zlib1g-dev libbrotli-dev libzim-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test deps check clean

deps:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
		echo "Installing $(APT_PACKAGES)"; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(APT_PACKAGES); \
	fi

# BUILD_FLAGS: more options of `passerelle build` (the publish workflow adds --no-cache).
BUILD_FLAGS ?=
# The release binary links the Swift runtime and Foundation statically: it starts ~7 ms sooner
# (no symbol binding of a dozen shared libraries), which a rebuild of nothing notices.
RELEASE := build -c release --product passerelle --static-swift-stdlib

site: deps
	$(SWIFT) $(RELEASE)
	.build/release/passerelle build --content content --output output $(BUILD_FLAGS)

check: deps
	$(SWIFT) $(RELEASE)
	.build/release/passerelle check --content content

test: deps
	$(SWIFT) test --disable-swift-testing

clean:
	rm -rf .build output
