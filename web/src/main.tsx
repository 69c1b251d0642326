// Web app entry: mounts the React app into #root.
import { createRoot } from "react-dom/client";

const el = document.getElementById("root");
if (el) createRoot(el).render(<h1>算力 suanli</h1>);
