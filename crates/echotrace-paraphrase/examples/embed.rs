use echotrace_paraphrase::{MiniLmEncoder, SentenceEncoder};
fn main() {
    let dir = std::env::args().nth(1).expect("model dir");
    let enc = MiniLmEncoder::load(std::path::Path::new(&dir)).expect("load");
    let texts: Vec<String> = std::io::stdin().lines().map(|l| l.unwrap()).collect();
    let refs: Vec<&str> = texts.iter().map(|s| s.as_str()).collect();
    let t = std::time::Instant::now();
    let v = enc.encode(&refs).expect("encode");
    eprintln!("{} sentences in {:?}", v.len(), t.elapsed());
    for x in v.iter().take(5) {
        println!("{:?}", &x[..5]);
    }
}
