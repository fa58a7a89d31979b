import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Blocks until a file that matters under some paths changes, for `triage test --watch`.
///
/// On Linux it listens with inotify on every directory under the roots (editors often save by
/// writing a new file and renaming it, so directories are watched, not files); elsewhere, or
/// when inotify is unavailable (no more watches, `TRIAGE_WATCH_POLL=1`), it compares the size
/// and modification time of every relevant file twice a second. Either way a burst of events
/// (an editor's save, `git checkout`) is reported once, after a short quiet period.
public final class FileChangeWatcher {
    /// How a changed file is found: by inotify events or by comparing snapshots.
    public enum Mechanism: String, Sendable {
        case inotify, polling
    }

    private struct Stamp: Equatable {
        let size: Int64
        let modified: Double
    }

    private let roots: [String]
    private let isRelevant: (String) -> Bool
    private let quietPeriod: Double
    public private(set) var mechanism: Mechanism
    private var inotifyDescriptor: Int32 = -1
    private var directoryOfWatch: [Int32: String] = [:]
    private var snapshot: [String: Stamp] = [:]

    /// `roots` are files or directories (searched recursively); `isRelevant` says whether a
    /// change to a path is worth a re-run (rule files and fixtures, not editor swap files).
    public init(roots: [String], forcePolling: Bool = false, quietPeriod: Double = 0.15, isRelevant: @escaping (String) -> Bool) {
        self.roots = roots
        self.isRelevant = isRelevant
        self.quietPeriod = quietPeriod
        mechanism = .polling
        #if canImport(Glibc)
        if !forcePolling {
            let descriptor = inotify_init1(Int32(IN_CLOEXEC))
            if descriptor >= 0 {
                inotifyDescriptor = descriptor
                mechanism = .inotify
                for directory in watchedDirectories() where !addWatch(directory) {
                    // Out of watches (fs.inotify.max_user_watches): polling still sees everything.
                    close(descriptor)
                    inotifyDescriptor = -1
                    directoryOfWatch = [:]
                    mechanism = .polling
                    break
                }
            }
        }
        #endif
        snapshot = takeSnapshot()
    }

    deinit {
        #if canImport(Glibc)
        if inotifyDescriptor >= 0 { close(inotifyDescriptor) }
        #endif
    }

    /// Waits for the next change and returns the relevant paths that changed, sorted.
    public func waitForChange() -> [String] {
        while true {
            var changed = Set<String>()
            switch mechanism {
            case .inotify: changed = waitForEvents()
            case .polling: Thread.sleep(forTimeInterval: 0.5)
            }
            // Let a burst settle, then compare snapshots: an event for a file that ends up
            // unchanged (an editor's backup dance) does not re-run, a deletion does.
            Thread.sleep(forTimeInterval: quietPeriod)
            #if canImport(Glibc)
            if mechanism == .inotify { changed.formUnion(drainEvents()) }
            #endif
            let fresh = takeSnapshot()
            for (path, stamp) in fresh where snapshot[path] != stamp { changed.insert(path) }
            for path in snapshot.keys where fresh[path] == nil { changed.insert(path) }
            snapshot = fresh
            let relevant = changed.filter { path in fresh[path] != nil || !FileManager.default.fileExists(atPath: path) }
            if !relevant.isEmpty { return relevant.sorted() }
        }
    }

    /// Every relevant file under the roots with its size and modification time.
    private func takeSnapshot() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for path in relevantFiles() {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            result[path] = Stamp(size: size, modified: modified)
        }
        return result
    }

    private func relevantFiles() -> [String] {
        var files: [String] = []
        for root in roots {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                files.append(root)
                continue
            }
            for directory in Self.directories(under: root) {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
                files += names.map { Self.join(directory, $0) }.filter(isRelevant)
            }
        }
        return files
    }

    /// The directories whose entries can change a relevant file: each directory root with
    /// its subdirectories, and the directory of each file root.
    private func watchedDirectories() -> [String] {
        var result: [String] = []
        for root in roots {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue {
                result += Self.directories(under: root)
            } else {
                let parent = (root as NSString).deletingLastPathComponent
                result.append(parent.isEmpty ? "." : parent)
            }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    /// A directory and every directory below it, not following links out of it.
    private static func directories(under root: String) -> [String] {
        var result = [root]
        var index = 0
        while index < result.count {
            let directory = result[index]
            index += 1
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = join(directory, name)
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                      attributes[.type] as? FileAttributeType == .typeDirectory else { continue }
                result.append(path)
            }
        }
        return result
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
    }

    #if canImport(Glibc)
    private func addWatch(_ directory: String) -> Bool {
        let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_ATTRIB)
        let watch = inotify_add_watch(inotifyDescriptor, directory, mask)
        guard watch >= 0 else { return false }
        directoryOfWatch[watch] = directory
        return true
    }

    /// Blocks until inotify reports something, and returns the relevant paths it named.
    private func waitForEvents() -> Set<String> {
        while true {
            var descriptor = pollfd(fd: inotifyDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, -1)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return [] }
            let paths = readEvents()
            if !paths.isEmpty { return paths }
        }
    }

    /// Reads what is queued without blocking.
    private func drainEvents() -> Set<String> {
        var paths = Set<String>()
        while true {
            var descriptor = pollfd(fd: inotifyDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { return paths }
            paths.formUnion(readEvents())
        }
    }

    private func readEvents() -> Set<String> {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(inotifyDescriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return [] }
        var paths = Set<String>()
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { bytes -> (Int32, UInt32, Int) in
                let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
            offset += header + length
            guard let directory = directoryOfWatch[watch] else { continue }
            let path = Self.join(directory, String(decoding: nameBytes, as: UTF8.self))
            if mask & UInt32(IN_ISDIR) != 0 {
                // A new directory under a watched root: its files count too.
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    for directory in Self.directories(under: path) { _ = addWatch(directory) }
                }
                continue
            }
            if isRelevant(path) || roots.contains(path) { paths.insert(path) }
        }
        return paths
    }
    #else
    private func addWatch(_ directory: String) -> Bool { false }
    private func waitForEvents() -> Set<String> { [] }
    #endif
}
