/**
 * What the accuracy chart's layers read while they draw: the plot (its
 * scales and rectangle, plotScale.ts) and the day the pointer or the
 * keyboard is on. Two contexts: hovering a day redraws the dots and the
 * tooltip, never the lines or the axes.
 *
 * Owns: the two contexts and their hooks. Must not touch: what is drawn.
 */
import { createContext, useContext } from 'react';
import type { Plot } from './plotScale';

export const PlotContext = createContext<Plot | null>(null);

/** The day hovered or selected with the keyboard, or null. */
export const ActiveDayContext = createContext<number | null>(null);

/** The plot the layer draws in (null outside a chart). */
export const usePlot = () => useContext(PlotContext);

/** The day hovered or selected with the keyboard, or null. */
export const useActiveDay = () => useContext(ActiveDayContext);
