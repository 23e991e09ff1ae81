import Foundation
import PasserelleCore

/// The state the browser follows: a version that grows with every rebuild, and the diagnostics of
/// the last one (empty when it succeeded).
public actor LiveReload {
    public private(set) var version = 0
    public private(set) var diagnostics: [Diagnostic] = []
    /// The clients waiting for the next version, resumed by `publish` (or by their timeout).
    private var waiting: [UUID: CheckedContinuation<Void, Never>] = [:]

    public init() {}

    public func publish(_ diagnostics: [Diagnostic]) {
        version += 1
        self.diagnostics = diagnostics
        let resumed = waiting
        waiting = [:]
        for continuation in resumed.values { continuation.resume() }
    }

    /// Waits until the version differs from `known`, for at most `timeout` seconds (long polling).
    /// Waiting costs nothing until a rebuild publishes: no client is polled.
    public func next(after known: Int, timeout: TimeInterval = 25) async -> (version: Int, diagnostics: [Diagnostic]) {
        if version == known && timeout > 0 && !Task.isCancelled {
            let id = UUID()
            let timer = Task { [weak self] in
                try? await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                await self?.resume(id)
            }
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    if version == known && !Task.isCancelled { waiting[id] = continuation } else { continuation.resume() }
                }
            } onCancel: {
                Task { await self.resume(id) }
            }
            timer.cancel()
        }
        return (version, diagnostics)
    }

    private func resume(_ id: UUID) {
        waiting.removeValue(forKey: id)?.resume()
    }

    /// How many clients are waiting for the next rebuild.
    var waitingCount: Int { waiting.count }

    /// The script added to every HTML page that `serve` returns (never to `build`'s output).
    public static let script = """
    (function () {
      "use strict";
      var known = -1;
      function overlay(errors) {
        var box = document.getElementById("passerelle-overlay");
        if (!errors.length) { if (box) { box.remove(); } return; }
        if (!box) {
          box = document.createElement("div");
          box.id = "passerelle-overlay";
          box.setAttribute("role", "alert");
          box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
            "background:#2b0000;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem;border-top:4px solid #ff5c5c";
          document.body.appendChild(box);
        }
        box.textContent = "";
        var title = document.createElement("strong");
        title.textContent = "passerelle: the last change does not build; this page is the last good build.";
        box.appendChild(title);
        errors.forEach(function (e) {
          var line = document.createElement("pre");
          line.style.margin = "0.4rem 0 0";
          line.style.whiteSpace = "pre-wrap";
          line.textContent = e.path + ":" + e.line + ":" + e.column + ": " + e.severity + ": " + e.message;
          box.appendChild(line);
        });
      }
      function poll() {
        fetch("/__passerelle/poll?v=" + known, { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (state) {
          var errors = state.diagnostics.filter(function (d) { return d.severity === "error"; });
          var broken = document.title === "passerelle serve";
          if ((known >= 0 && state.version !== known || broken) && errors.length === 0) { window.location.reload(); return; }
          known = state.version;
          overlay(errors);
          poll();
        }).catch(function () { setTimeout(poll, 1000); });
      }
      poll();
    }());
    """
}
