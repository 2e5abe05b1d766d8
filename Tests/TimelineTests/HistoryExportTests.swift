import Foundation
import Testing

@testable import Timeline

/// `export --format history`: the audit trail as JSON Lines.
@Suite("History: the audit trail")
struct HistoryExportTests {
    func lines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    @Test func everyChangeSetAndRowIsALineWithItsValuesBeforeAndAfter() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let environment = ["TIMELINE_AUTHOR": "alice", "TIMELINE_DB": "t.db"]
        func run(_ arguments: [String], stdin: String? = nil) throws -> RunResult {
            try runTimeline(arguments, in: folder, stdin: stdin, environment: environment)
        }
        let document = #"{"timeline": 2, "events": [{"id": "a", "title": "A", "date": "2019"}, {"id": "b", "title": "B", "date": "2020"}]}"#
        #expect(try run(["import", "-", "--format", "json"], stdin: document).status == 0)
        #expect(try run(["edit", "a", "--summary", "Now with a summary", "--reason", "the article"]).status == 0)
        #expect(try run(["rm", "b"]).status == 0)
        let export = try run(["export", "--format", "history"])
        #expect(export.status == 0 && export.stderr.isEmpty)
        let items = try lines(export.stdout)
        let changes = items.filter { $0["type"] as? String == "change" }
        #expect(changes.map { $0["id"] as? Int } == [1, 2, 3])
        #expect(changes.map { $0["author"] as? String } == ["alice", "alice", "alice"])
        #expect(
            changes[1]["reason"] as? String == "the article"
                && changes[1]["command"] as? String == "timeline edit a --summary 'Now with a summary' --reason 'the article'")
        let range = try #require(items.first { $0["type"] as? String == "rows" })
        let first = try #require(range["from"] as? Int)
        #expect(range["change"] as? Int == 1 && range["table"] as? String == "events" && range["to"] as? Int == first + 1)
        let edit = try #require(items.first { $0["change"] as? Int == 2 && $0["table"] as? String == "events" })
        #expect(edit["operation"] as? String == "update" && edit["key"] as? [Int] == [first])
        #expect((edit["old"] as? [String: Any])?["summary"] is NSNull)
        #expect((edit["new"] as? [String: Any])?["summary"] as? String == "Now with a summary")
        let removed = try #require(items.first { $0["change"] as? Int == 3 })
        #expect(
            removed["operation"] as? String == "delete" && (removed["old"] as? [String: Any])?["uid"] as? String == "b"
                && removed["new"] == nil)
        // Every line of the history table is in the trail, in order after its change set.
        let rows = try Database(path: folder.path("t.db"), mode: .readOnly).scalar("SELECT count(*) FROM history", as: Int.self)
        #expect(items.count - changes.count == rows)

        #expect(try run(["export", "--format", "history", "-o", "trail.jsonl"]).status == 0)
        #expect(try String(contentsOfFile: folder.path("trail.jsonl"), encoding: .utf8) == export.stdout)
        let filtered = try run(["export", "--format", "history", "--tag", "x"])
        #expect(filtered.status == 64 && filtered.stderr.contains("it takes no filters and no --as-of"))
    }

    @Test func theLibraryStreamsTheTrailOldestFirst() throws {
        let store = try memoryStore()
        try store.add(Event(id: "a", title: "A", date: date("2019"), tags: ["t"]))
        try store.editEvent(id: "a") { $0.title = "B" }
        var order: [String] = []
        try store.forEachAuditTrailItem { item in
            switch item {
            case .changeSet(let set): order.append("change \(set.id)")
            case .row(let row):
                order.append("\(row.changeSet) \(row.operation) \(row.table)")
                if row.operation == "update" && row.table == "events" {
                    #expect(row.old.first { $0.column == "title" }?.value == .text("A"))
                    #expect(row.new.first { $0.column == "title" }?.value == .text("B"))
                }
            }
        }
        #expect(order.first == "change 1" && order.contains("change 2") && order.last == "2 update events")
        #expect(order.firstIndex(of: "change 2")! > order.firstIndex(of: "1 insert events")!)
    }
}
