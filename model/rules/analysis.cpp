#include "analysis.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace mc {

namespace {

/// The graph of model-manager.js: nodes are table names in definition order,
/// edges one per REFERENCES column in attribute order, self-edges dropped.
struct Graph
{
    int nodes = 0;
    // Adjacency in compressed rows: the targets of node v, in edge order, are
    // targets[offsets[v]] .. targets[offsets[v + 1] - 1].
    std::vector<int> offsets;
    std::vector<int> targets;

    int size() const { return nodes; }
    int degree(int v) const { return offsets[size_t(v) + 1] - offsets[size_t(v)]; }
    int target(int v, int k) const { return targets[size_t(offsets[size_t(v)] + k)]; }

    /// Builds the rows from (from, to) pairs listed in edge order.
    void setEdges(const std::vector<std::pair<int, int>> &edges)
    {
        offsets.assign(size_t(nodes) + 1, 0);
        for (const auto &e : edges)
            ++offsets[size_t(e.first) + 1];
        for (size_t v = 0; v < size_t(nodes); ++v)
            offsets[v + 1] += offsets[v];
        targets.resize(edges.size());
        std::vector<int> fill(offsets.begin(), offsets.end() - 1);
        for (const auto &e : edges)
            targets[size_t(fill[size_t(e.first)]++)] = e.second;
    }
};

/// The FK graph of a derived schema, with the mapping between tables and nodes.
struct TableGraph
{
    Graph graph;
    std::vector<int> nodeOf;      ///< per table, its node
    std::vector<int> tableOfNode; ///< per node, the first table of that name
};

TableGraph buildGraph(const DerivedSchema &d)
{
    // Nodes are table names; two models sharing a table name share a node. derive()
    // resolved every REFERENCES to a table index, so only the tables' reference
    // lists are read here, never their columns.
    TableGraph out;
    const int n = d.tables.size();
    auto firstOfName = std::vector<int>(size_t(n));
    if (d.m_tableByName.size() == n) {
        for (int t = 0; t < n; ++t)
            firstOfName[size_t(t)] = t;
    } else { // the hash holds the last table of a name: find the first
        QHash<QString, int> first;
        for (int t = n - 1; t >= 0; --t)
            first.insert(d.tables[t].table, t);
        for (int t = 0; t < n; ++t)
            firstOfName[size_t(t)] = first.value(d.tables[t].table);
    }
    auto nodeOfFirst = std::vector<int>(size_t(n), -1);
    out.nodeOf.resize(size_t(n));
    out.tableOfNode.reserve(size_t(n));
    auto idOf = [&](int table) {
        const size_t first = size_t(firstOfName[size_t(table)]);
        if (nodeOfFirst[first] < 0) {
            nodeOfFirst[first] = int(out.tableOfNode.size());
            out.tableOfNode.push_back(int(first));
        }
        return nodeOfFirst[first];
    };
    std::vector<std::pair<int, int>> pairs;
    pairs.reserve(size_t(2 * n));
    for (int t = 0; t < n; ++t) {
        const int from = idOf(t);
        out.nodeOf[size_t(t)] = from;
        for (const TableReference &r : d.tables[t].references) {
            const int to = idOf(r.table);
            if (to != from)
                pairs.emplace_back(from, to);
        }
    }
    out.graph.nodes = int(out.tableOfNode.size());
    out.graph.setEdges(pairs);
    return out;
}

/// toposort-class 1.0.1: DFS post-order; the first node found on its own path
/// raises the error. Iterative so that long chains cannot overflow the stack.
void topoSort(const TableGraph &tg, const DerivedSchema &d, QStringList &order, QString &error)
{
    const Graph &g = tg.graph;
    auto name = [&](int node) { return d.tables[tg.tableOfNode[size_t(node)]].table; };
    const int n = g.size();
    std::vector<char> visited(size_t(n), 0), onPath(size_t(n), 0);
    struct Frame
    {
        int node;
        int next;
    };
    std::vector<Frame> stack;
    order.reserve(n);
    for (int root = 0; root < n && error.isEmpty(); ++root) {
        if (visited[size_t(root)])
            continue;
        visited[size_t(root)] = 1;
        onPath[size_t(root)] = 1;
        stack.push_back({root, 0});
        while (!stack.empty() && error.isEmpty()) {
            Frame &f = stack.back();
            if (f.next < g.degree(f.node)) {
                const int dep = g.target(f.node, f.next++);
                if (onPath[size_t(dep)]) {
                    QStringList chain;
                    for (const Frame &p : stack)
                        chain << name(p.node);
                    error = QStringLiteral("Cyclic dependency found. %1 is dependent of itself.\n"
                                           "Dependency chain: %2 => %1")
                                .arg(name(dep), chain.join(QLatin1String(" -> ")));
                } else if (!visited[size_t(dep)]) {
                    visited[size_t(dep)] = 1;
                    onPath[size_t(dep)] = 1;
                    stack.push_back({dep, 0});
                }
            } else {
                order << name(f.node);
                onPath[size_t(f.node)] = 0;
                stack.pop_back();
            }
        }
    }
    if (!error.isEmpty())
        order.clear();
}

/// Tarjan's strongly connected components (iteratively); only those with more
/// than one node, ordered by their first node.
QVector<QVector<int>> components(const Graph &g)
{
    const size_t n = size_t(g.size());
    std::vector<int> index(n, -1), low(n, 0), stack;
    std::vector<char> onStack(n, 0);
    QVector<QVector<int>> out;
    int counter = 0;
    struct Frame
    {
        int node;
        int next;
    };
    std::vector<Frame> call;
    for (int root = 0; root < int(n); ++root) {
        if (index[size_t(root)] >= 0)
            continue;
        call.push_back({root, 0});
        index[size_t(root)] = low[size_t(root)] = counter++;
        stack.push_back(root);
        onStack[size_t(root)] = 1;
        while (!call.empty()) {
            Frame &f = call.back();
            if (f.next < g.degree(f.node)) {
                const int w = g.target(f.node, f.next++);
                if (index[size_t(w)] < 0) {
                    index[size_t(w)] = low[size_t(w)] = counter++;
                    stack.push_back(w);
                    onStack[size_t(w)] = 1;
                    call.push_back({w, 0});
                } else if (onStack[size_t(w)]) {
                    low[size_t(f.node)] = std::min(low[size_t(f.node)], index[size_t(w)]);
                }
                continue;
            }
            const int v = f.node;
            call.pop_back();
            if (!call.empty())
                low[size_t(call.back().node)] =
                    std::min(low[size_t(call.back().node)], low[size_t(v)]);
            if (low[size_t(v)] != index[size_t(v)])
                continue;
            if (stack.back() == v) { // a single node: no cycle (self-edges are dropped)
                stack.pop_back();
                onStack[size_t(v)] = 0;
                continue;
            }
            QVector<int> comp;
            int w;
            do {
                w = stack.back();
                stack.pop_back();
                onStack[size_t(w)] = 0;
                comp.append(w);
            } while (w != v);
            std::sort(comp.begin(), comp.end());
            out.append(comp);
        }
    }
    std::sort(out.begin(), out.end(),
              [](const QVector<int> &a, const QVector<int> &b) { return a.first() < b.first(); });
    return out;
}

/// Whether the sub-graph of `nodes` without the edges of `skipAssociation` has a cycle.
bool stillCyclic(const QVector<int> &nodes, const QVector<DependencyEdge> &edges,
                 const std::vector<int> &nodeOf, int skipAssociation)
{
    Graph sub;
    QHash<int, int> local;
    for (int v : nodes)
        local.insert(v, sub.nodes++);
    std::vector<std::pair<int, int>> pairs;
    for (const DependencyEdge &e : edges) {
        if (e.associationIndex == skipAssociation && skipAssociation >= 0)
            continue;
        const auto a = local.constFind(nodeOf[size_t(e.from)]);
        const auto b = local.constFind(nodeOf[size_t(e.to)]);
        if (a != local.cend() && b != local.cend())
            pairs.emplace_back(*a, *b);
    }
    sub.setEdges(pairs);
    return !components(sub).isEmpty();
}

} // namespace

Analysis analyse(const DerivedSchema &d)
{
    Analysis a;
    const TableGraph tg = buildGraph(d);
    topoSort(tg, d, a.toposortOrder, a.toposortError);
    if (a.toposortError.isEmpty()) {
        a.order = a.toposortOrder;
        return a;
    }
    // Sequelize >= 6.20: every model in definition order.
    a.order.reserve(d.tables.size());
    for (const DerivedTable &t : d.tables)
        a.order << t.table;
    // Group tables and edges by component in one pass each (a schema may hold
    // thousands of tables and dozens of cycles).
    const QVector<QVector<int>> comps = components(tg.graph);
    std::vector<int> compOfNode(size_t(tg.graph.size()), -1);
    for (int k = 0; k < comps.size(); ++k) {
        for (int v : comps[k])
            compOfNode[size_t(v)] = k;
    }
    QVector<Cycle> cycles(comps.size());
    for (int t = 0; t < d.tables.size(); ++t) {
        const DerivedTable &table = d.tables[t];
        const int k = compOfNode[size_t(tg.nodeOf[size_t(t)])];
        if (k < 0)
            continue;
        Cycle &c = cycles[k];
        if (!c.tables.contains(table.table))
            c.tables << table.table;
        for (const TableReference &r : table.references) {
            const int to = tg.nodeOf[size_t(r.table)];
            if (compOfNode[size_t(to)] != k || to == tg.nodeOf[size_t(t)])
                continue;
            const DerivedColumn &col = table.columns[r.column];
            c.edges << DependencyEdge{t, tg.tableOfNode[size_t(to)], col.column,
                                      col.associationIndex};
            if (col.associationIndex >= 0 && !c.associations.contains(col.associationIndex))
                c.associations << col.associationIndex;
        }
    }
    for (int k = 0; k < comps.size(); ++k) {
        const QVector<int> &comp = comps[k];
        Cycle &c = cycles[k];
        std::sort(c.associations.begin(), c.associations.end());
        // Prefer a belongsTo, then the association declared last (the one that closed
        // the loop), whose removal alone makes the component acyclic.
        QVector<int> candidates = c.associations;
        std::stable_sort(candidates.begin(), candidates.end(), [&](int x, int y) {
            const bool bx = d.associations[x].type == AssociationType::BelongsTo;
            const bool by = d.associations[y].type == AssociationType::BelongsTo;
            if (bx != by)
                return bx;
            return x > y;
        });
        for (int cand : candidates) {
            if (!stillCyclic(comp, c.edges, tg.nodeOf, cand)) {
                c.suggestedFix = cand;
                break;
            }
        }
    }
    a.cycles = cycles;
    return a;
}

} // namespace mc
