/** One timestamped headline, as the news JSONL files give it (data/news, docs/sentiment.md). */
export interface NewsItem {
  id: string;
  /** Publication time, ms since the epoch (UTC). */
  ts: number;
  title: string;
  source: string;
  currencies: string[];
  url: string;
  source_url?: string;
}
