"""The frame's own stylesheet, injected once per run by app.py: the call bar that stays on screen,
and what printing a page leaves out.

Selectors use Streamlit's keyed-container classes (``st-key-<key>``) and its stable
``data-testid`` names; colours repeat the theme's (.streamlit/config.toml), so contrast stays
as tests/unit/test_theme_contrast.py checks it. Sizes are in rem or px for tap targets (WCAG 2.5.5
and the NHS guidance: at least 44 by 44 CSS pixels).
"""

from __future__ import annotations

from ui.contacts import CALL_BAR_KEY, DANGER_LINE_KEY
from ui.page_menu import PAGE_MENU_KEY

# Streamlit's sidebar breakpoint (its theme's "md", 768px): at or below it the sidebar lies over the page.
NARROW_MAX_PX = 768

FRAME_CSS = f"""
<style>
/* The call bar: 999 and whoever answers now stay at the top of the screen as the page scrolls. */
/* Sticky on the keyed container's wrapper: the wrapper is exactly as tall as the bar, so the bar
   alone would have nowhere to stick; the wrapper's parent is the whole page. It sits just below
   Streamlit's header (3.75rem), which holds the control that opens the sidebar. */
[data-testid="stLayoutWrapper"]:has(> .st-key-{CALL_BAR_KEY}) {{
  position: sticky; top: 3.75rem; z-index: 999989;
  background: #FFFFFF; padding: 0.25rem 0; border-bottom: 1px solid #4C6272;
}}
/* Streamlit's header (above the bar) is see-through: without a background the page scrolling under
   it shows above the bar, on a projector a strip of half-cut controls. */
[data-testid="stHeader"] {{ background: #FFFFFF; }}
/* Streamlit pulls a Markdown block up by 1rem; the bar keeps its full height so its background covers it. */
.st-key-{CALL_BAR_KEY} [data-testid="stMarkdownContainer"] {{ margin-bottom: 0; }}
.st-key-{CALL_BAR_KEY} [data-testid="stMarkdownContainer"] p {{
  display: flex; flex-wrap: wrap; gap: 0.375rem 0.5rem; margin: 0;
}}
.st-key-{CALL_BAR_KEY} a {{
  display: inline-flex; align-items: center; justify-content: center; box-sizing: border-box;
  min-height: 44px; min-width: 44px; padding: 0.25rem 0.6rem; border-radius: 0.5rem;
  border: 2px solid #005EB8; color: #004C97; background: #E8F1FB;
  font-weight: 600; text-decoration: none;
}}
/* The neutral bar's "Who to call" page link reads like the bar's other buttons. */
.st-key-{CALL_BAR_KEY} [data-testid="stPageLink-NavLink"] {{ margin: 0; }}
.st-key-{CALL_BAR_KEY} [data-testid="stPageLink-NavLink"] span {{ color: #004C97; font-weight: 600; }}
.st-key-{CALL_BAR_KEY} [data-testid="stElementContainer"]:has(> .stMarkdown) {{ width: auto; }}
.st-key-{CALL_BAR_KEY} a[href="tel:999"] {{ border-color: #B3261E; color: #A4161A; background: #FDECEC; }}
.st-key-{CALL_BAR_KEY} a:focus-visible {{ outline: 3px solid #212B32; outline-offset: 2px; }}
/* The pages: in the sidebar on a wide screen; on a narrow one behind the "Menu" control at the top
   (ui/page_menu.py), because the sidebar would stay open over the chosen page unless the browser says it
   is a phone. The sidebar still opens there for what else it holds (the pack's name, signing out). */
.st-key-{PAGE_MENU_KEY} {{ display: none; }}
@media (max-width: {NARROW_MAX_PX}px) {{
  [data-testid="stSidebarNav"], [data-testid="stSidebarNavSeparator"] {{ display: none; }}
  /* Shut, the sidebar is out of sight: out of the Tab order and of what a screen reader reads too (and
     not a scrolling box with nothing to focus in it, which axe reports). */
  [data-testid="stSidebar"][data-collapsed="true"] {{ visibility: hidden; }}
  /* One line in the header's free space, beside the control that opens the sidebar: it takes no height. */
  .st-key-{PAGE_MENU_KEY} {{
    display: block; position: fixed; top: 0.5rem; left: 3.5rem; z-index: 999991; width: auto;
  }}
  [data-testid="stElementContainer"]:has(> [data-testid="stLayoutWrapper"] > .st-key-{PAGE_MENU_KEY}),
  [data-testid="stLayoutWrapper"]:has(> .st-key-{PAGE_MENU_KEY}) {{ position: absolute; height: 0; margin: 0; }}
  /* Open, its list lies over the page, on white, until a page is chosen (or "Menu" is pressed again). */
  .st-key-{PAGE_MENU_KEY} details {{ background: #FFFFFF; box-shadow: 0 4px 12px rgba(33, 43, 50, 0.25); }}
  .st-key-{PAGE_MENU_KEY} summary {{ min-height: 44px; box-sizing: border-box; }}
  .st-key-{PAGE_MENU_KEY} [data-testid="stPageLink-NavLink"] {{ min-height: 44px; align-items: center; }}
  .st-key-{PAGE_MENU_KEY} summary:focus-visible {{ outline: 3px solid #212B32; outline-offset: 2px; }}
}}
/* On a phone the page title takes less of the first screen, so the answer's summary is on it. */
@media (max-width: 640px) {{
  [data-testid="stMain"] h1 {{ font-size: 2rem; line-height: 1.2; padding-top: 0.5rem; }}
  /* The bar already holds the two numbers as buttons; the full line under it (why, when the front door
     reopens, neighbouring areas) is set a little smaller, still above 14px, so the answer comes sooner. */
  .st-key-{DANGER_LINE_KEY} [data-testid="stMarkdownContainer"] p {{ font-size: 0.9rem; line-height: 1.4; }}
  [data-testid="stMainBlockContainer"] {{ padding: 4rem 0.625rem 3rem 0.625rem; }}
  /* Section headings a step smaller, and elements a little closer: the same words, fewer screens. */
  [data-testid="stMain"] h2 {{ font-size: 1.6rem; line-height: 1.25; }}
  [data-testid="stMain"] [data-testid="stVerticalBlock"] {{ gap: 0.5rem; }}
}}
/* At 200% zoom, or on a phone held sideways, the screen is short: the bar scrolls away with the page
   instead of covering a focused control or heading (WCAG 2.4.11). 560px covers a 1280x844 or 1280x720
   screen at 200% (422 and 360 CSS px tall) and leaves a phone held upright (844) with its sticky bar. */
@media (max-height: 560px) {{
  [data-testid="stLayoutWrapper"]:has(> .st-key-{CALL_BAR_KEY}) {{ position: static; }}
}}
/* Where the bar does stay, the browser scrolls a control that takes the focus (Tab) to below it. */
@media (min-height: 561px) {{
  [data-testid="stMain"] {{ scroll-padding-top: 8.5rem; }}
}}
/* Nothing cut off: a button's, link's or page link's words wrap onto a second line instead of ending in
   "...", and pills or a segmented control wrap onto a second row instead of scrolling their last choices
   out of sight. */
[data-testid^="stBaseButton"] [data-testid="stMarkdownContainer"],
[data-testid^="stBaseButton"] [data-testid="stMarkdownContainer"] p,
[data-testid="stPageLink-NavLink"] span:not([data-testid="stIconMaterial"]),
[data-testid="stPageLink-NavLink"] [data-testid="stMarkdownContainer"],
[data-testid="stPageLink-NavLink"] [data-testid="stMarkdownContainer"] p {{
  white-space: normal; overflow: visible; text-overflow: clip; overflow-wrap: break-word;
}}
[data-testid="stButtonGroup"] > div {{ flex-wrap: wrap; overflow: visible; row-gap: 0.5rem; }}
/* A jump link's target lands below the bar, not under it, and takes the focus (tabindex="-1"), so the
   next Tab goes on from the part of the page the link named; its outline shows where that is. */
.tlr-anchor {{ scroll-margin-top: 8.5rem; }}
.tlr-anchor:focus {{ outline: none; }}
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > .tlr-anchor) {{ margin-bottom: -1rem; }}

@media print {{
  /* Printing a page gives its content: no sidebar, toolbar, inputs or buttons. */
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stBottom"], [data-testid="stElementToolbar"], .st-key-{PAGE_MENU_KEY},
  [data-testid="stElementContainer"]:has(> .stNumberInput, > .stSelectbox, > .stRadio, > .stCheckbox,
    > .stButton, > .stDownloadButton, > .stMultiSelect, > .stTextInput, > .stTextArea, > .stLinkButton,
    > .stSegmentedControl, > .stPills, > .stSlider, > .stSelectSlider, > .stIFrame, > .stCustomComponentV1) {{
    display: none !important;
  }}
  /* The page flows onto as many sheets as it needs, full width, with no scrolling box. */
  html, body, .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {{
    height: auto !important; overflow: visible !important; position: static !important;
  }}
  [data-testid="stMainBlockContainer"] {{ padding: 0 !important; max-width: none !important; }}
  [data-testid="stLayoutWrapper"]:has(> .st-key-{CALL_BAR_KEY}) {{ position: static; border: none; }}
  [data-testid="stVerticalBlockBorderWrapper"], [data-testid="stColumn"] {{ break-inside: auto; }}
  h1, h2, h3 {{ break-after: avoid; }}
}}
</style>
"""
