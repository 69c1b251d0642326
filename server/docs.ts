// The API docs page: a self-contained HTML page (no CDN, works offline) that lists the routes of /openapi.json.
import { API_BASE, LIMITS } from "./api-schemas-common.js";
import { PROBLEM } from "./problem.js";

/** HTML of /docs. The route list is filled in the browser from /openapi.json. */
export function docsPage(): string {
  const problems = Object.values(PROBLEM)
    .map((p) => `<li id="${p.type.split("#")[1]}"><code>${p.status}</code> ${p.title}</li>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>suanli API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code,pre{background:#f4f4f4;padding:0 .2em}
h2{margin-top:2rem}.op{border-top:1px solid #ddd;padding:.5rem 0}.m{display:inline-block;width:4rem;font-weight:bold}</style></head>
<body><h1>suanli API (${API_BASE})</h1>
<p>JSON over HTTP. The machine-readable description is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).
Errors are <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a> problem details
(<code>application/problem+json</code>) with the path of each bad field in <code>errors</code>. Information, not legal advice.</p>
<h2>Limits</h2><ul><li>request body ≤ ${LIMITS.maxBodyBytes} bytes (else 413)</li>
<li>too much work for one request (else 422): ≤ ${LIMITS.maxChipsPerRequest} chips per classify / what-if request,
≤ ${LIMITS.maxPlanChips} chips per serving plan, ≤ ${LIMITS.maxTrainPlanChips} chips per training plan,
≤ ${LIMITS.maxClusterChips} chips in any cluster, ≤ ${LIMITS.maxScalingSizes} sizes per scaling curve,
≤ ${LIMITS.maxCases} validation cases</li>
<li>one computation ≤ ${LIMITS.timeBudgetMs / 1000} s (else 503)</li></ul>
<h2>Problem types</h2><ul>${problems}</ul>
<h2>Routes</h2><div id="routes">loading /openapi.json …</div>
<script>
fetch("/openapi.json").then(r=>r.json()).then(doc=>{
  const out=[];
  for(const [path,ops] of Object.entries(doc.paths)) for(const [m,op] of Object.entries(ops)){
    const ex=path.replace(/\\{(\\w+)\\}/g,":$1");
    out.push('<div class="op"><span class="m">'+m.toUpperCase()+'</span><code>'+ex+'</code> — '+(op.summary||"")+'</div>');
  }
  document.getElementById("routes").innerHTML=out.join("");
});
</script></body></html>`;
}
