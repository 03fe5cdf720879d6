import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;

/**
 * Draws the jmp kernel logo (a kernel fanning work out to three workers) at 32x32 and 64x64.
 * Run once with {@code java install/src/logo/LogoMaker.java install/kernelspec}; the PNGs are
 * committed so installing needs no graphics stack.
 */
public class LogoMaker {
    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : ".");
        for (int size : new int[] {32, 64}) {
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double s = size / 64.0;
            g.setColor(new Color(0xE7, 0x6F, 0x00));
            g.fill(new RoundRectangle2D.Double(0, 0, size, size, 14 * s, 14 * s));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke((float) (3.5 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double kx = 32 * s, ky = 18 * s;
            double[][] workers = {{14, 48}, {32, 50}, {50, 48}};
            for (double[] w : workers) {
                g.draw(new Line2D.Double(kx, ky, w[0] * s, w[1] * s));
            }
            g.fill(new Ellipse2D.Double(kx - 10 * s, ky - 10 * s, 20 * s, 20 * s));
            g.setColor(new Color(0x1F, 0x3A, 0x5F));
            for (double[] w : workers) {
                g.fill(new Ellipse2D.Double((w[0] - 6.5) * s, (w[1] - 6.5) * s, 13 * s, 13 * s));
            }
            g.dispose();
            ImageIO.write(image, "png", new File(dir, "logo-" + size + "x" + size + ".png"));
        }
    }
}
