#pragma once

#include <QPoint>
#include <QString>
#include <QWidget>

#include <functional>

class QDrag;
class QMimeData;
class QToolButton;

namespace mc {

/// The palette dock's content: what can be dragged onto the canvas. One entry
/// today, "Model": dragging it starts a QDrag carrying mimeType() with the data
/// "model" (the canvas creates a model at the drop point). Activating the entry
/// without a drag (a click, Space on the focused entry) emits addRequested(), which
/// the window turns into Add Model at a free spot, so keyboard users get it too.
class PaletteWidget : public QWidget
{
    Q_OBJECT

public:
    explicit PaletteWidget(QWidget *parent = nullptr);

    /// `application/x-modelcanvas-palette`
    static QString mimeType();
    /// What a drag of \a kind ("model") carries; the caller owns it.
    static QMimeData *mimeData(const QString &kind);

    QToolButton *modelEntry() const { return m_modelEntry; }

    /// Runs a drag once the gesture started it; the default is QDrag::exec(). The
    /// offscreen platform ends every drag at once with no drop, so tests deliver the
    /// drag's data themselves through this.
    using DragRunner = std::function<Qt::DropAction(QDrag *drag)>;
    void setDragRunner(DragRunner runner) { m_dragRunner = std::move(runner); }

Q_SIGNALS:
    /// The entry for \a kind was activated without a drag.
    void addRequested(const QString &kind);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QToolButton *addEntry(const QString &kind, const QString &text, const QString &tip);
    void startDrag(QToolButton *entry);

    QToolButton *m_modelEntry = nullptr;
    DragRunner m_dragRunner;
    QPoint m_pressPos;
    bool m_pressed = false;
};

} // namespace mc
