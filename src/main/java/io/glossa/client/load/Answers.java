package io.glossa.client.load;

/** Where a submitter reports what became of each request; called from the thread(s) that send them. */
interface Answers {
    /** The API answered the request that carried texts {@code first} to {@code first + n - 1}. */
    void answered(long first, int n, ResponseFrame response, long answeredAt);

    /** The request got no answer: the connection failed or timed out, or the answer was not HTTP. */
    void failed(int n, String why);
}
