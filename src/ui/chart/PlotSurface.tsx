/**
 * The accuracy chart's box: the SVG its layers draw in, the day the pointer
 * (or the keyboard: focus, the arrow keys, Enter, Escape) is on, the grey
 * line on that day and the tooltip beside it. It hands the layers the plot
 * (PlotContext) and that day (ActiveDayContext); the layers it is given do
 * not re-render when the day under the pointer changes.
 *
 * What Recharts' chart, tooltip and cursor did for this chart, written out
 * so the chart view does not load Recharts (issue 15).
 *
 * Owns: the box, the pointer and the keyboard, the tooltip's place. Must
 * not touch: what the layers draw or what the tooltip says.
 */
import { type KeyboardEvent, type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { ActiveDayContext, PlotContext } from './plotContext';
import { dayAt, type Plot, tooltipAt } from './plotScale';

/** The day pointed at, and the height (px from the box's top) the tooltip follows. */
interface Pointing {
  day: number;
  y: number;
}

/** The day an arrow key moves to from `day` (the first day when none is selected). */
function dayAfterKey(key: 'ArrowLeft' | 'ArrowRight', day: number | null, lastDay: number): number {
  if (day === null) return 1;
  return Math.min(lastDay, Math.max(1, day + (key === 'ArrowRight' ? 1 : -1)));
}

export function PlotSurface({
  plot,
  height,
  label,
  tooltip,
  children,
  over,
}: {
  plot: Plot;
  /** The box's height: px, or all of its parent's. */
  height: number | '100%';
  /** What a screen reader calls the chart. */
  label: string;
  /** The tooltip's words for a day (null: no tooltip). */
  tooltip: (day: number) => ReactNode;
  /** The layers under the grey line of the day pointed at. */
  children: ReactNode;
  /** The layers over it (the day's dots, the written labels). */
  over: ReactNode;
}) {
  const svg = useRef<SVGSVGElement>(null);
  const [pointing, setPointing] = useState<Pointing | null>(null);
  const { area } = plot;

  // Mouse and touch events, as Recharts read them (a mouse event's position is
  // in whole pixels, a pointer event's is not): the tooltip lands where it did.
  const point = (at: { clientX: number; clientY: number } | undefined) => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || !at) return;
    const px = Math.round(at.clientX - box.left);
    const py = Math.round(at.clientY - box.top);
    const inside = py >= area.y && py <= area.y + area.height;
    const day = inside ? dayAt(plot, px) : null;
    setPointing((prev) =>
      day === null ? null : prev?.day === day && prev.y === py ? prev : { day, y: py },
    );
  };
  // The keyboard, as Recharts' chart took it: focus shows the first day, the
  // arrows step a day (and not the page's day on screen), Enter hides or shows
  // the tooltip, Escape hides it. Other keys stay the page's shortcuts.
  // The tooltip's height for a day picked by key: Recharts' ((top of the plot + the box's height) / 2).
  const middle = (area.y + plot.height) / 2;
  const lastKeyed = useRef(1);
  const show = (day: number) => {
    lastKeyed.current = day;
    setPointing({ day, y: middle });
  };
  const key = (e: KeyboardEvent<SVGSVGElement>) => {
    if (e.key === 'Escape') return setPointing(null);
    if (e.key === 'Enter') {
      e.preventDefault();
      return pointing ? setPointing(null) : show(lastKeyed.current);
    }
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    show(dayAfterKey(e.key, pointing?.day ?? null, plot.lastDay));
  };

  const day = pointing?.day ?? null;
  return (
    <div className="chart-frame" style={{ height }}>
      {pointing && <Tooltip plot={plot} pointing={pointing} content={tooltip(pointing.day)} />}
      <svg
        ref={svg}
        className="chart-surface"
        role="application"
        aria-label={label}
        tabIndex={0}
        width={plot.width}
        height={plot.height}
        viewBox={`0 0 ${plot.width} ${plot.height}`}
        onMouseMove={point}
        onMouseLeave={() => setPointing(null)}
        onTouchStart={(e) => point(e.touches[0])}
        onTouchMove={(e) => point(e.touches[0])}
        onKeyDown={key}
        onFocus={() => setPointing((prev) => prev ?? { day: lastKeyed.current, y: middle })}
        onBlur={() => setPointing(null)}
      >
        <PlotContext.Provider value={plot}>
          {children}
          {day !== null && (
            <path
              className="chart-cursor"
              d={`M${plot.x(day)},${area.y}L${plot.x(day)},${area.y + area.height}`}
              stroke="#ccc"
              fill="#ccc"
              pointerEvents="none"
            />
          )}
          <ActiveDayContext.Provider value={day}>{over}</ActiveDayContext.Provider>
        </PlotContext.Provider>
      </svg>
    </div>
  );
}

/** The tooltip's box beside the day's point: measured once drawn, then placed inside the plot. */
function Tooltip({
  plot,
  pointing,
  content,
}: {
  plot: Plot;
  pointing: Pointing;
  content: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  // Measured again whenever its words change (a new day, a new batch of days).
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const { width: w, height: h } = el.getBoundingClientRect();
    setSize((prev) => (prev.w === w && prev.h === h ? prev : { w, h }));
  }, [content]);
  const measured = size.w > 0 && size.h > 0;
  const at = tooltipAt(plot.area, plot.x(pointing.day), pointing.y, size.w, size.h);
  return (
    <div
      ref={box}
      className="chart-tooltip-wrapper"
      style={{
        visibility: measured ? 'visible' : 'hidden',
        transform: `translate(${at.x}px, ${at.y}px)`,
      }}
    >
      {content}
    </div>
  );
}
