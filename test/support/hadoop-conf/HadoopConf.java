// Reads a configuration file (hive-site.xml, core-site.xml) with Hadoop's own Configuration, as Hive and Flink's
// Hive catalog do, and prints "key=value" for each key named on the command line, after Hadoop's variable
// expansion (${env.NAME} from the process environment). Test support for flinkts.
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

public final class HadoopConf {
  public static void main(String[] args) {
    Configuration conf = new Configuration(false);
    conf.addResource(new Path(args[0]));
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < args.length; i++) out.append(args[i]).append('=').append(conf.get(args[i])).append('\n');
    System.out.print(out);
  }
}
